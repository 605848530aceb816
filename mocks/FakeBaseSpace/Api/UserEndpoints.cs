using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

internal static class UserEndpoints
{
    public static void Map(RouteTable<ApiCall> routes) => routes
        // Basic user information needs no scope at all.
        .Map("GET", "v1pre3/users/{id}", (call, route) =>
            Reply.Json(200, Wire.Envelope(call.Wire.User(call.State.Users[RequireSelf(call, route["id"]).UserId]))))
        // Runs are not modelled: every user has none (HrefRuns must still lead somewhere).
        .Map("GET", "v1pre3/users/{id}/runs", (call, route) =>
        {
            RequireSelf(call, route["id"]);
            var (items, page) = ListQuery.From(call.Request).Apply(Array.Empty<object>(), (_, _) => 0);
            return Reply.Json(200, Wire.Envelope(Wire.List(items, page)));
        });

    /// <summary>"current" or the caller's own id; another user's id is 403 (404 if there is no such user).</summary>
    public static AccessGrant RequireSelf(ApiCall call, string userId)
    {
        var grant = call.RequireToken();
        if (userId.Equals("current", StringComparison.OrdinalIgnoreCase) || userId == grant.UserId) return grant;
        if (!call.State.Users.ContainsKey(userId)) throw ApiException.NotFound("User");
        throw ApiException.Forbidden("Users can read only their own details");
    }
}
