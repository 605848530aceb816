using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace FakeBaseSpace.Tests;

/// <summary>
/// One HTTP/1.1 request written byte for byte. HTTP client libraries tidy a request target ("x?" loses its
/// '?', a GET loses its Content-Type); real SDKs send them as they are, so the odd ones are sent this way.
/// </summary>
internal static class RawHttps
{
    public sealed record Response(int StatusCode, string Body);

    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> exactly as given to <paramref name="origin"/>.</summary>
    public static Response Send(string origin, string method, string target, IEnumerable<(string Name, string Value)>? headers = null,
        string body = "")
    {
        var uri = new Uri(origin);
        using var tcp = new TcpClient(uri.Host, uri.Port);
        using var tls = new SslStream(tcp.GetStream(), false, Fake.TrustTestCa);
        tls.AuthenticateAsClient(uri.Host);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? []) request.Append($"{name}: {value}\r\n");
        if (bytes.Length > 0 || method != "GET") request.Append($"Content-Length: {bytes.Length}\r\n");
        tls.Write(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));
        tls.Write(bytes);
        tls.Flush();

        using var received = new MemoryStream();
        tls.CopyTo(received); // Connection: close, so the stream ends with the response
        var raw = received.ToArray();
        var split = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(raw, 0, split).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var chunked = head.Any(h => h.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && h.Contains("chunked"));
        var content = raw[(split + 4)..];
        return new Response(status, Encoding.UTF8.GetString(chunked ? Dechunk(content) : content));
    }

    private static byte[] Dechunk(byte[] content)
    {
        using var body = new MemoryStream();
        var at = 0;
        while (true)
        {
            var end = content.AsSpan(at).IndexOf("\r\n"u8) + at;
            var length = Convert.ToInt32(Encoding.ASCII.GetString(content, at, end - at).Split(';')[0], 16);
            if (length == 0) return body.ToArray();
            body.Write(content, end + 2, length);
            at = end + 2 + length + 2;
        }
    }
}
