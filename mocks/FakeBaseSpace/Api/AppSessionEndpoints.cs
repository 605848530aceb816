using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

internal static class AppSessionEndpoints
{
    public static void Map(RouteTable<ApiCall> routes) => routes
        .Map("GET", "v1pre3/users/current/appsessions", (call, _) => ListOwn(call))
        .Map("GET", "v1pre3/appsessions/{id}", (call, route) =>
            Reply.Json(200, Wire.Envelope(call.Wire.AppSession(call.RequireAppSession(route["id"], allowClientCredentials: true)))))
        .Map("POST", "v1pre3/appsessions/{id}", (call, route) => SetStatus(call, call.RequireAppSession(route["id"], allowClientCredentials: false)))
        .Map("GET", "v1pre3/appsessions/{id}/appresults", (call, route) =>
        {
            var session = call.RequireAppSession(route["id"], allowClientCredentials: false);
            var results = session.AppResultIds.Select(id => call.State.AppResults[id]);
            return AppResultEndpoints.ListReply(call, results);
        });

    /// <summary>The user's sessions of the calling app (an app sees no other app's sessions), by ?Statuses=.</summary>
    private static Reply ListOwn(ApiCall call)
    {
        var grant = call.RequireToken();
        var statusMatches = ListQuery.StatusFilter(call.Request);
        var sessions = call.State.AppSessions.Values.Where(s => s.UserId == grant.UserId && s.App == grant.App && statusMatches(s.Status));
        var (items, page) = ListQuery.From(call.Request).Apply(sessions, (s, by) => by switch
        {
            "Name" => s.Name, "DateCreated" => s.DateCreated, _ => ListQuery.IdKey(s.Id),
        });
        return Reply.Json(200, Wire.Envelope(Wire.List(items.Select(call.Wire.AppSessionCompact), page)));
    }

    /// <summary>status + statussummary, JSON or form, any case; a Complete or Aborted session is frozen.</summary>
    private static Reply SetStatus(ApiCall call, AppSession session)
    {
        var statusText = call.Request.Field("status");
        var summary = call.Request.Field("statussummary");
        if (statusText is null && summary is null)
            throw ApiException.BadRequest("BASESPACE.APPSESSIONS.INVALID_STATUS", "status or statussummary is required");
        var status = statusText is null ? session.Status : AppSessionStatus.Canonical(statusText)
            ?? throw ApiException.BadRequest("BASESPACE.APPSESSIONS.INVALID_STATUS", $"'{statusText}' is not an AppSession status");
        if (session.IsFrozen)
            throw ApiException.BadRequest("BASESPACE.APPSESSIONS.STATUS_FINAL", $"AppSession {session.Id} is {session.Status} and can no longer change");
        call.State.SetAppSessionStatus(session, status, summary ?? session.StatusSummary);
        return Reply.Json(200, Wire.Envelope(call.Wire.AppSession(session)));
    }
}
