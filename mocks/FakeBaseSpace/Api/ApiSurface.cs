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
        catch (ApiException refusal)
        {
            reply = Reply.Json(refusal.StatusCode, Wire.Error(refusal.ErrorCode, refusal.Message));
        }
        catch (OAuthException refusal)
        {
            reply = Reply.Json(refusal.StatusCode, new Dictionary<string, string>
            {
                ["error"] = refusal.Error, ["error_description"] = refusal.Message,
            });
        }
        catch (Exception failure)
        {
            // A fault of the fake itself: still answered in BaseSpace's shape, and still journaled.
            reply = Reply.Json(500, Wire.Error("BASESPACE.COMMON.INTERNAL_ERROR", _state.Mask(failure.Message)));
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
