namespace FakeBaseSpace;

/// <summary>A seeded user as a developer codes against the fake: a ready token and a Running AppSession.</summary>
public sealed record DeveloperUser(string Id, string Name, string Email, string AccessToken, string ProjectId, string SampleId,
    string AppSessionId);

/// <summary>What the dev server prints: the app's client credentials and, per seeded user, a way in.</summary>
public sealed record DeveloperSetup(RegisteredApp App, IReadOnlyList<DeveloperUser> Users);
