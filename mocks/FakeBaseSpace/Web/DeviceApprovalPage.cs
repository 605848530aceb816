using FakeBaseSpace.Http;

namespace FakeBaseSpace.Web;

/// <summary>
/// The device flow's page on the web origin: the user (signed in) enters or follows the user code, sees the
/// app and its scopes, and approves or denies; the polling device then gets a token or access_denied.
/// </summary>
internal static class DeviceApprovalPage
{
    public static Reply Ask(WebCall call)
    {
        if (call.User is null) return WebSurface.SignInPage(call, "/" + call.Request.PathAndQuery.TrimStart('/'));
        var userCode = call.Request.Query["code"];
        if (string.IsNullOrEmpty(userCode))
            return Reply.Html(200, Html.Page("Connect a device",
                """
                <h1>Connect a device</h1>
                <form method="get" action="/oauth/device"><label>Code <input type="text" name="code" id="code"></label>
                <button type="submit">Continue</button></form>
                """));
        if (Pending(call, userCode) is not { } device) return Reply.Html(404, Html.Page("Unknown code", "<h1>This code is unknown or has expired</h1>"));
        var scopes = string.Join("", device.Scopes.Names.Select(s => $"<li>{Html.Encode(s)}</li>"));
        return Reply.Html(200, Html.Page("Authorize " + device.App.Name,
            $"""
             <h1><span id="app-name">{Html.Encode(device.App.Name)}</span> on a device would like to access your BaseSpace data</h1>
             <p>Signed in as {Html.Encode(call.User.Name)}. The app asks for:</p>
             <ul id="scopes">{scopes}</ul>
             <form method="post" action="/oauth/device">{Html.Hidden("code", device.UserCode)}
             <button type="submit" name="decision" value="approve" id="approve">Approve</button>
             <button type="submit" name="decision" value="deny" id="deny">Deny</button>
             </form>
             """));
    }

    public static Reply Decide(WebCall call)
    {
        if (call.User is null) return WebSurface.SignInPage(call, "/oauth/device");
        var approved = string.Equals(call.Request.Field("decision"), "approve", StringComparison.OrdinalIgnoreCase);
        lock (call.State.Gate)
        {
            if (Pending(call, call.Request.Field("code")) is not { } device)
                return Reply.Html(404, Html.Page("Unknown code", "<h1>This code is unknown or has expired</h1>"));
            device.Approval = approved ? DeviceApproval.Approved : DeviceApproval.Denied;
            device.UserId = call.User.Id;
        }
        var outcome = approved ? "approved: you can return to your device" : "denied";
        return Reply.Html(200, Html.Page("Device " + (approved ? "approved" : "denied"), $"<h1>Access {outcome}.</h1>"));
    }

    private static DeviceAuthorization? Pending(WebCall call, string? userCode)
    {
        lock (call.State.Gate)
        {
            var device = call.State.DeviceByUserCode(userCode);
            if (device is null || device.Approval != DeviceApproval.Pending || device.ExpiresAt < DateTimeOffset.UtcNow) return null;
            call.ClientId = device.App.ClientId;
            return device;
        }
    }
}
