using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

/// <summary>An OAuth error reply: exactly "error" and "error_description" (one SDK crashes without the latter).</summary>
internal sealed class OAuthException(int statusCode, string error, string description) : Exception(description)
{
    public int StatusCode { get; } = statusCode;
    public string Error { get; } = error;
}

/// <summary>The token endpoint (codes and device codes for tokens), the device flow's start, and introspection.</summary>
internal static class OAuthEndpoints
{
    // BaseSpace tokens do not expire by default; a year keeps clients that compute an expiry happy.
    private const int ExpiresInSeconds = 365 * 24 * 3600;
    private const int DevicePollIntervalSeconds = 1;

    /// <summary>
    /// True for the token and device-authorization endpoints, whose every error (refusals, unknown routes, faults
    /// of the fake, injected faults) is answered as {"error","error_description"}: one SDK crashes without the latter.
    /// Introspection (token/current) is an ordinary API call and answers in the ResponseStatus shape.
    /// </summary>
    public static bool IsOAuthPath(IReadOnlyList<string> segments) =>
        segments.Count == 3 && segments[0].Equals("v1pre3", StringComparison.OrdinalIgnoreCase) &&
        segments[1].Equals("oauthv2", StringComparison.OrdinalIgnoreCase) &&
        (segments[2].Equals("token", StringComparison.OrdinalIgnoreCase) || segments[2].Equals("deviceauthorization", StringComparison.OrdinalIgnoreCase));

    /// <summary>An OAuth error body: exactly "error" and "error_description", both strings.</summary>
    public static Dictionary<string, string> ErrorBody(string error, string description) =>
        new() { ["error"] = error, ["error_description"] = description };

    /// <summary>The OAuth error that stands for an HTTP status the endpoint did not choose itself.</summary>
    public static string ErrorFor(int status) => status switch
    {
        401 => "invalid_client",
        429 or 503 => "temporarily_unavailable",
        >= 500 => "server_error",
        _ => "invalid_request",
    };

    public static void Map(RouteTable<ApiCall> routes) => routes
        .Map("POST", "v1pre3/oauthv2/token", (call, _) => IssueToken(call))
        .Map("POST", "v1pre3/oauthv2/deviceauthorization", (call, _) => StartDeviceFlow(call))
        .Map("GET", "v1pre3/oauthv2/token/current", (call, _) => Introspect(call));

    private static Reply IssueToken(ApiCall call)
    {
        var request = call.Request;
        var clientId = request.Field("client_id");
        call.ClientId = clientId;
        var app = call.State.AppByClientId(clientId) ?? throw new OAuthException(401, "invalid_client", "Unknown client_id");
        var grantType = request.Field("grant_type");
        // Older clients send grant_type=device for web and trigger codes too: any code of this client is fine.
        if (grantType is not ("authorization_code" or "device"))
            throw new OAuthException(400, "unsupported_grant_type", $"grant_type '{grantType}' is not supported");
        var codeValue = request.Field("code");
        if (string.IsNullOrEmpty(codeValue)) throw new OAuthException(400, "invalid_request", "code is required");

        var secret = request.Field("client_secret");
        var device = grantType == "device" ? call.State.DeviceAuthorizations.GetValueOrDefault(codeValue) : null;
        // A device may be a public client without a secret; a secret that is sent must be right.
        if (secret is null ? device is null : secret != app.ClientSecret)
            throw new OAuthException(401, "invalid_client", "Wrong or missing client_secret");
        var grant = device is not null ? RedeemDeviceCode(call, app, device) : RedeemCode(call, app, codeValue, grantType);
        return Reply.Json(200, new Dictionary<string, object> { ["access_token"] = grant.Token, ["expires_in"] = ExpiresInSeconds });
    }

    private static AccessGrant RedeemCode(ApiCall call, RegisteredApp app, string codeValue, string grantType)
    {
        if (!call.State.Codes.TryGetValue(codeValue, out var code) || code.App != app)
            throw new OAuthException(400, "invalid_grant", "The authorization code is not valid for this client");
        if (code.Used) throw new OAuthException(400, "invalid_grant", "The authorization code has already been used");
        var redirectUri = call.Request.Field("redirect_uri");
        if (grantType == "authorization_code" && code.RedirectUri is not null && !string.IsNullOrEmpty(redirectUri) && redirectUri != code.RedirectUri)
            throw new OAuthException(400, "invalid_grant", "redirect_uri does not match the one the code was issued for");
        code.Used = true;
        call.UserId = code.UserId;
        return call.State.IssueToken(code.UserId, app, code.Scopes);
    }

    /// <summary>A device poll: pending until the user decides on the web origin; expired after expires_in.</summary>
    private static AccessGrant RedeemDeviceCode(ApiCall call, RegisteredApp app, DeviceAuthorization device)
    {
        if (device.App != app) throw new OAuthException(400, "invalid_grant", "The device code is not valid for this client");
        if (device.Used) throw new OAuthException(400, "invalid_grant", "The device code has already been used");
        if (device.ExpiresAt < DateTimeOffset.UtcNow) throw new OAuthException(400, "expired_token", "The device code has expired");
        call.UserId = device.UserId;
        switch (device.Approval)
        {
            case DeviceApproval.Pending:
                throw new OAuthException(400, "authorization_pending", "The user has not yet approved this device");
            case DeviceApproval.Denied:
                throw new OAuthException(400, "access_denied", "The user denied access");
        }
        device.Used = true;
        return call.State.IssueToken(device.UserId!, app, device.Scopes);
    }

    /// <summary>client_id, scope, response_type=device_code → exactly the six fields device clients parse.</summary>
    private static Reply StartDeviceFlow(ApiCall call)
    {
        var request = call.Request;
        call.ClientId = request.Field("client_id");
        var app = call.State.AppByClientId(call.ClientId) ?? throw new OAuthException(401, "invalid_client", "Unknown client_id");
        if (request.Field("response_type") != "device_code")
            throw new OAuthException(400, "invalid_request", "response_type must be device_code");
        var scopes = ScopeSet.TryParse(request.Field("scope"))
                     ?? throw new OAuthException(400, "invalid_scope", $"'{request.Field("scope")}' is not a valid scope");
        var device = call.State.StartDeviceAuthorization(app, scopes);
        var verification = $"{call.State.WebUrl}/oauth/device";
        return Reply.Json(200, new Dictionary<string, object>
        {
            ["device_code"] = device.DeviceCode,
            ["user_code"] = device.UserCode,
            ["verification_uri"] = verification,
            ["verification_with_code_uri"] = $"{verification}?code={device.UserCode}",
            ["expires_in"] = (int)call.State.DeviceCodeLifetime.TotalSeconds,
            ["interval"] = DevicePollIntervalSeconds,
        });
    }

    private static Reply Introspect(ApiCall call)
    {
        var grant = call.RequireToken();
        return Reply.Json(200, Wire.Envelope(new
        {
            grant.Id, Href = "v1pre3/oauthv2/token/current", AccessToken = grant.Token,
            Application = call.Wire.Application(grant.App), UserResourceOwner = call.Wire.UserCompact(grant.UserId),
            Status = "Active", DateCreated = Wire.Date(grant.DateCreated), Scopes = grant.Scopes.Names,
        }));
    }
}
