using System.Text.Json;
using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

internal static class AppResultEndpoints
{
    public static void Map(RouteTable<ApiCall> routes) => routes
        .Map("POST", "v1pre3/projects/{id}/appresults", (call, route) => Create(call, ProjectEndpoints.FindProject(call, route["id"])))
        .Map("GET", "v1pre3/projects/{id}/appresults", (call, route) =>
        {
            var project = ProjectEndpoints.FindProject(call, route["id"]);
            call.RequireProject("browse", project);
            return ListReply(call, call.State.AppResults.Values.Where(r => r.ProjectId == project.Id));
        })
        .Map("GET", "v1pre3/appresults/{id}", (call, route) =>
        {
            var result = Find(call, route["id"]);
            call.RequireResource("browse", new ResourceKey("appresults", result.Id));
            call.AppSessionId = result.AppSessionId;
            return Reply.Json(200, Wire.Envelope(call.Wire.AppResult(result)));
        });

    public static AppResult Find(ApiCall call, string id) =>
        call.State.AppResults.GetValueOrDefault(id) ?? throw ApiException.NotFound("AppResult");

    /// <summary>A page of AppResults, filtered by ?Statuses= (their AppSessions' statuses).</summary>
    public static Reply ListReply(ApiCall call, IEnumerable<AppResult> results)
    {
        var statusMatches = ListQuery.StatusFilter(call.Request);
        var (items, page) = ListQuery.From(call.Request).Apply(results.Where(r => statusMatches(call.State.AppSessions[r.AppSessionId].Status)), (r, by) => by switch
        {
            "Name" => r.Name, "DateCreated" => r.DateCreated, _ => ListQuery.IdKey(r.Id),
        });
        return Reply.Json(200, Wire.Envelope(Wire.List(items.Select(call.Wire.AppResult), page)));
    }

    /// <summary>
    /// Creates an AppResult in a project, linked to the AppSession named by ?appsessionid= or by HrefAppSession
    /// in the body; with neither, BaseSpace makes a new AppSession for it.
    /// </summary>
    private static Reply Create(ApiCall call, Project project)
    {
        var grant = call.RequireProject("create", project);
        var name = call.RequiredField("name");
        var sessionId = call.Request.Query["appsessionid"] ?? ResourceKey.TryParse(call.Request.Field("hrefappsession"))?.Id;
        AppSession session;
        if (sessionId is null)
        {
            session = call.State.CreateAppSession(grant.App, grant.UserId, name, $"{call.State.WebUrl}/projects/{project.Id}");
            call.AppSessionId = session.Id;
        }
        else
        {
            session = call.RequireAppSession(sessionId, allowClientCredentials: false);
            if (session.IsFrozen)
                throw ApiException.BadRequest("BASESPACE.APPSESSIONS.STATUS_FINAL", $"AppSession {session.Id} is {session.Status}: no new AppResults");
        }
        var references = References(call, grant.UserId);
        var result = call.State.CreateAppResult(project, session, name, call.Request.Field("description") ?? "", references);
        return Reply.Json(201, Wire.Envelope(call.Wire.AppResult(result)));
    }

    /// <summary>The body's References; each must name a resource this user can see.</summary>
    private static List<ResourceReference> References(ApiCall call, string userId)
    {
        var list = new List<ResourceReference>();
        if (call.Request.Json is not { } body || HttpCall.JsonProperty(body, "References") is not { ValueKind: JsonValueKind.Array } array)
            return list;
        foreach (var item in array.EnumerateArray())
        {
            var href = (HttpCall.JsonProperty(item, "HrefContent") ?? HttpCall.JsonProperty(item, "Href"))?.GetString();
            var key = ResourceKey.TryParse(href)
                      ?? throw ApiException.BadRequest("BASESPACE.APPRESULTS.REFERENCE_INVALID", $"Reference '{href}' is not a resource href");
            var project = call.State.ProjectOf(key) ?? throw ApiException.NotFound($"Referenced resource {key.Href}");
            if (!call.State.CanSee(userId, project)) throw ApiException.Forbidden($"Access to {key.Href} is forbidden");
            var rel = HttpCall.JsonProperty(item, "Rel")?.GetString() is { Length: > 0 } r ? r : "using";
            list.Add(new ResourceReference(rel, key));
        }
        return list;
    }
}
