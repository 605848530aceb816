using System.Collections.Concurrent;
using ConformanceHarness.Evidence;
using Microsoft.Playwright;

namespace ConformanceHarness.Browsers;

/// <summary>
/// Records what a browser context does (every request and response, redirects included, document bodies,
/// console) and, on demand, what it holds (DOM, storage, cookies).
/// </summary>
public sealed class BrowserRecorder
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentDictionary<IRequest, ExchangeBuilder> _exchanges = new();
    private readonly ConcurrentQueue<ConsoleEntry> _console = new();
    private readonly ConcurrentBag<Task> _pending = [];
    private int _sequence;

    public BrowserRecorder(IBrowserContext context)
    {
        _context = context;
        context.Request += (_, request) => _exchanges[request] = new ExchangeBuilder(Interlocked.Increment(ref _sequence), request);
        context.Response += (_, response) => _pending.Add(OnResponseAsync(response));
        context.RequestFailed += (_, request) =>
        {
            if (_exchanges.TryGetValue(request, out var exchange)) exchange.Failure = request.Failure ?? "failed";
        };
        context.Console += (_, message) =>
            _console.Enqueue(new ConsoleEntry(message.Type, message.Text, message.Location));
        context.Page += (_, page) => page.PageError += (_, error) =>
            _console.Enqueue(new ConsoleEntry("pageerror", error, page.Url));
    }

    /// <summary>Takes the DOM, storage and cookies of every open page, after pending response reads finish.</summary>
    public async Task<BrowserEvidence> CaptureAsync(TimeSpan timeout)
    {
        await Task.WhenAll(_pending.ToArray()).WaitAsync(timeout);
        var pages = new List<PageSnapshot>();
        var storage = new List<StorageRecord>();
        foreach (var page in _context.Pages)
        {
            pages.Add(await SnapshotAsync(page).WaitAsync(timeout));
            storage.AddRange(await ReadStorageAsync(page).WaitAsync(timeout));
        }
        var cookies = (await _context.CookiesAsync().WaitAsync(timeout))
            .Select(c => new CookieRecord(c.Name, c.Value, c.Domain, c.Path, c.HttpOnly, c.Secure, c.SameSite.ToString()))
            .ToList();
        var exchanges = _exchanges.Values.OrderBy(e => e.Sequence).Select(e => e.Build()).ToList();
        return new BrowserEvidence(exchanges, _console.ToList(), cookies, storage, pages);
    }

    private async Task OnResponseAsync(IResponse response)
    {
        if (!_exchanges.TryGetValue(response.Request, out var exchange)) return;
        exchange.Status = response.Status;
        try
        {
            exchange.ResponseHeaders = await response.AllHeadersAsync();
            var isRedirect = response.Status is >= 300 and < 400;
            if (response.Request.ResourceType == "document" && !isRedirect)
                exchange.DocumentBody = await response.TextAsync();
        }
        catch (PlaywrightException)
        {
            // The page navigated away before the body could be read: the exchange keeps what it has.
        }
    }

    private static async Task<PageSnapshot> SnapshotAsync(IPage page)
    {
        var html = await page.ContentAsync();
        try
        {
            var json = await page.EvaluateAsync<System.Text.Json.JsonElement>(
                """
                () => ({
                  text: document.body ? document.body.innerText : '',
                  passwordFields: document.querySelectorAll('input[type=password]').length,
                  forms: [...document.forms].map(f => ({
                    action: f.action, method: f.method,
                    inputTypes: [...f.elements].map(e => (e.type || e.tagName).toLowerCase()),
                    text: f.innerText })),
                  links: [...document.querySelectorAll('a[href]')].map(a => ({ href: a.href, text: a.innerText })),
                })
                """);
            var facts = System.Text.Json.JsonSerializer.Deserialize<PageFacts>(json, CaseInsensitive)!;
            return new PageSnapshot(page.Url, html, facts.Text, facts.PasswordFields, facts.Forms, facts.Links);
        }
        catch (PlaywrightException)
        {
            return new PageSnapshot(page.Url, html, "", 0, [], []); // not a scriptable page (an error page)
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private sealed record PageFacts(string Text, int PasswordFields, List<FormFacts> Forms, List<LinkFacts> Links);

    private static async Task<IReadOnlyList<StorageRecord>> ReadStorageAsync(IPage page)
    {
        if (!page.Url.StartsWith("http", StringComparison.Ordinal)) return [];
        try
        {
            var entries = await page.EvaluateAsync<string[][]>(
                """
                () => ['localStorage', 'sessionStorage'].flatMap(area =>
                  Object.keys(window[area]).map(key => [location.origin, area, key, window[area].getItem(key)]))
                """);
            return entries.Select(e => new StorageRecord(e[0], e[1], e[2], e[3])).ToList();
        }
        catch (PlaywrightException)
        {
            return []; // an error page or a page that forbids storage access
        }
    }

    private sealed class ExchangeBuilder(int sequence, IRequest request)
    {
        public int Sequence { get; } = sequence;
        public int? Status { get; set; }
        public IReadOnlyDictionary<string, string> ResponseHeaders { get; set; } = new Dictionary<string, string>();
        public string? DocumentBody { get; set; }
        public string? Failure { get; set; }

        public HttpExchange Build() => new(
            Sequence, request.Method, request.Url, request.ResourceType, request.IsNavigationRequest,
            request.Headers, Status, ResponseHeaders, DocumentBody, Failure);
    }
}
