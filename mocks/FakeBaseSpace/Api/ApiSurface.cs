using System.Text;
using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

/// <summary>The API origin: routes each call to its handler under the state's lock, and journals it.</summary>
internal sealed class ApiSurface
{
    private readonly BaseSpaceState _state;
    private readonly RouteTable<ApiCall> _routes = new();

    public ApiSurface(BaseSpaceState state)
    {
        _state = state;
        OAuthEndpoints.Map(_routes);
        UserEndpoints.Map(_routes);
        AppSessionEndpoints.Map(_routes);
        ProjectEndpoints.Map(_routes);
        AppResultEndpoints.Map(_routes);
        FileEndpoints.Map(_routes);
        PropertyEndpoints.Map(_routes);
    }

    public Reply Handle(HttpCall request)
    {
        var call = new ApiCall(request, _state);
        Reply reply;
        try
        {
            lock (_state.Gate)
            {
                var handler = _routes.Match(request.Method, request.Segments, out var values)
                              ?? throw ApiException.NotFound($"{request.Method} {request.RawPath}");
                reply = handler(call, values);
            }
        }
        catch (OAuthException refusal)
        {
            reply = Reply.Json(refusal.StatusCode, OAuthEndpoints.ErrorBody(refusal.Error, refusal.Message));
        }
        catch (Exception failure)
        {
            // A refusal in BaseSpace's terms, or a fault of the fake itself: still answered in the shape the
            // endpoint's clients parse, and still journaled.
            var (status, code, message) = failure is ApiException refusal
                ? (refusal.StatusCode, refusal.ErrorCode, refusal.Message)
                : (500, "BASESPACE.COMMON.INTERNAL_ERROR", _state.Mask(failure.Message));
            reply = OAuthEndpoints.IsOAuthPath(request.Segments)
                ? Reply.Json(status, OAuthEndpoints.ErrorBody(OAuthEndpoints.ErrorFor(status), message))
                : Reply.Json(status, Wire.Error(code, message));
        }
        _state.Journal.Record(new JournalEntry(DateTimeOffset.UtcNow, "api", request.Method, _state.Mask(request.PathAndQuery),
            reply.StatusCode, call.UserId, call.ClientId, call.AppSessionId, call.TokenFingerprint, call.RequiredScope,
            call.HeldScopes, Excerpts.Of(_state, request.Body, request.ContentType), Excerpts.Of(_state, reply.Body, reply.ContentType)));
        return reply;
    }
}

/// <summary>Bounded, masked body excerpts for the journal.</summary>
internal static class Excerpts
{
    private const int MaxChars = 2048;

    public static string? Of(BaseSpaceState state, byte[] body, string contentType)
    {
        if (body.Length == 0) return null;
        if (!HttpCall.IsText(contentType, body)) return $"[{body.Length} bytes {contentType}]";
        // Mask a little more than is kept, so a secret cut by the limit is still masked whole.
        var text = state.Mask(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4 * MaxChars)));
        return text.Length <= MaxChars ? text : text[..MaxChars] + "…";
    }
}
