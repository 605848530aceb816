using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

/// <summary>Projects and the samples in them.</summary>
internal static class ProjectEndpoints
{
    public static void Map(RouteTable<ApiCall> routes) => routes
        .Map("GET", "v1pre3/users/{id}/projects", (call, route) => ListProjects(call, route["id"]))
        .Map("GET", "v1pre3/projects/{id}", (call, route) =>
        {
            var project = FindProject(call, route["id"]);
            call.RequireProject("browse", project);
            return Reply.Json(200, Wire.Envelope(call.Wire.Project(project)));
        })
        .Map("POST", "v1pre3/projects", (call, _) => CreateProject(call))
        .Map("GET", "v1pre3/projects/{id}/samples", (call, route) =>
        {
            var project = FindProject(call, route["id"]);
            call.RequireProject("browse", project);
            var (items, page) = ListQuery.From(call.Request).Apply(call.State.Samples.Values.Where(s => s.ProjectId == project.Id), SampleKey);
            return Reply.Json(200, Wire.Envelope(Wire.List(items.Select(call.Wire.Sample), page)));
        })
        .Map("GET", "v1pre3/samples/{id}", (call, route) =>
        {
            var sample = call.State.Samples.GetValueOrDefault(route["id"]) ?? throw ApiException.NotFound("Sample");
            call.RequireResource("browse", new ResourceKey("samples", sample.Id));
            return Reply.Json(200, Wire.Envelope(call.Wire.Sample(sample)));
        });

    public static Project FindProject(ApiCall call, string id) =>
        call.State.Projects.GetValueOrDefault(id) ?? throw ApiException.NotFound("Project");

    /// <summary>
    /// The whole list needs "browse global"; a token with narrower scopes sees just the projects it covers,
    /// and never another user's.
    /// </summary>
    private static Reply ListProjects(ApiCall call, string userId)
    {
        var grant = UserEndpoints.RequireSelf(call, userId);
        call.RequiredScope = "browse global";
        var name = call.Request.Query["Name"];
        var visible = call.State.Projects.Values.Where(p =>
            call.State.CanSee(grant.UserId, p) && grant.Scopes.Allows(Scope.ForProject("browse", p.Id)) &&
            (string.IsNullOrEmpty(name) || p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)));
        var (items, page) = ListQuery.From(call.Request).Apply(visible, (p, by) => by switch
        {
            "Name" => p.Name, "DateCreated" => p.DateCreated, _ => ListQuery.IdKey(p.Id),
        });
        return Reply.Json(200, Wire.Envelope(Wire.List(items.Select(call.Wire.Project), page)));
    }

    /// <summary>Creates a project, or returns the user's existing one of that name.</summary>
    private static Reply CreateProject(ApiCall call)
    {
        var grant = call.RequireScope(new Scope("create", "projects", null));
        var name = call.RequiredField("name");
        var existed = call.State.Projects.Values.Any(p => p.OwnerId == grant.UserId && p.Name == name);
        var project = call.State.CreateProject(grant.UserId, name, call.Request.Field("description") ?? "");
        return Reply.Json(existed ? 200 : 201, Wire.Envelope(call.Wire.Project(project)));
    }

    private static IComparable SampleKey(Sample sample, string by) => by switch
    {
        "Name" => sample.Name, "DateCreated" => sample.DateCreated, _ => ListQuery.IdKey(sample.Id),
    };
}
