namespace FakeBaseSpace.Http;

/// <summary>A refusal in BaseSpace's terms; the API surface renders it as a ResponseStatus error.</summary>
public sealed class ApiException(int statusCode, string errorCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string ErrorCode { get; } = errorCode;

    public static ApiException NotFound(string what) => new(404, "BASESPACE.COMMON.NOT_FOUND", what + " not found");
    public static ApiException Removed(string what) => new(410, "BASESPACE.COMMON.RESOURCE_REMOVED", what + " has been removed");
    public static ApiException BadRequest(string errorCode, string message) => new(400, errorCode, message);
    public static ApiException Unauthorized() => new(401, "BASESPACE.COMMON.UNAUTHORIZED", "Unauthorized: a valid access token is required");
    public static ApiException Forbidden(string message) => new(403, "BASESPACE.COMMON.FORBIDDEN", message);
}
