using System.Net;
using System.Security.Cryptography;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>Multipart uploads: a pending file, PUT parts, then complete (parts joined in order) or aborted.</summary>
public sealed class MultipartUploadTests : FakeTest
{
    private const int FiveMegabytes = 5 * 1024 * 1024;
    private string _token = null!;
    private string _appResultId = null!;

    [OneTimeSetUp]
    public void AppResult() => (_token, _appResultId) = LaunchedAppResult(Ada, "Multipart");

    private string StartUpload(string name)
    {
        var file = Ok(Send(Method.Post, $"appresults/{_appResultId}/files?name={name}&multipart=true", _token,
            r => r.AddHeader("Content-Type", "application/octet-stream")), 201);
        Assert.That(file.GetProperty("UploadStatus").GetString(), Is.EqualTo("pending"));
        Assert.That(file.GetProperty("Size").GetInt64(), Is.Zero);
        return file.GetProperty("Id").GetString()!;
    }

    private RestResponse PutPart(string fileId, int number, byte[] bytes, string? md5 = null) =>
        Send(Method.Put, $"files/{fileId}/parts/{number}", build: r =>
        {
            r.AddHeader("x-access-token", _token).AddBody(bytes, ContentType.Binary);
            if (md5 is not null) r.AddHeader("Content-MD5", md5);
        });

    private static byte[] Filled(int length, byte value) => Enumerable.Repeat(value, length).ToArray();

    [Test]
    public void Parts_are_joined_in_order_on_complete()
    {
        var id = StartUpload("big.bin");
        var first = Filled(FiveMegabytes, 1);
        var second = Filled(1000, 2);
        var reply = PutPart(id, 2, second);
        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK), reply.Content);
        Assert.That(reply.Content, Is.EqualTo($"{{\"Response\":{{\"ETag\":\"{Convert.ToHexStringLower(MD5.HashData(second))}\"}}}}"));
        Assert.That(PutPart(id, 1, first, Convert.ToBase64String(MD5.HashData(first))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var done = Ok(Send(Method.Post, $"files/{id}?uploadstatus=complete", _token));
        Assert.That(done.GetProperty("UploadStatus").GetString(), Is.EqualTo("complete"));
        Assert.That(done.GetProperty("Size").GetInt64(), Is.EqualTo(first.Length + second.Length));
        var content = Get($"files/{id}/content", _token).RawBytes!;
        Assert.That(content.Take(first.Length).All(b => b == 1) && content.Skip(first.Length).All(b => b == 2));
    }

    [Test]
    public void A_wrong_Content_MD5_is_refused()
    {
        var id = StartUpload("md5.bin");
        var response = PutPart(id, 1, Filled(10, 3), Convert.ToBase64String(MD5.HashData(Filled(10, 4))));
        Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.FILES.MD5_MISMATCH"));
    }

    [Test]
    public void A_small_part_that_is_not_the_last_is_refused_on_complete()
    {
        var id = StartUpload("small.bin");
        PutPart(id, 1, Filled(10, 1));
        PutPart(id, 2, Filled(10, 2));
        var response = Send(Method.Post, $"files/{id}", _token, r => r.AddParameter("uploadstatus", "complete"));
        Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.FILES.PART_TOO_SMALL"));
    }

    [Test]
    public void An_aborted_upload_takes_no_more_parts_and_has_no_content()
    {
        var id = StartUpload("aborted.bin");
        PutPart(id, 1, Filled(10, 1));
        Assert.That(Ok(Send(Method.Post, $"files/{id}?uploadstatus=aborted", _token)).GetProperty("UploadStatus").GetString(), Is.EqualTo("aborted"));
        Assert.That(PutPart(id, 2, Filled(10, 1)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Get($"files/{id}/content", _token).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void A_part_over_25_MB_is_refused()
    {
        var id = StartUpload("huge.bin");
        var response = PutPart(id, 1, new byte[25 * 1024 * 1024 + 1]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.FILES.PART_TOO_LARGE"));
        Assert.That(PutPart(id, 1, new byte[25 * 1024 * 1024]).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Parts_are_accepted_with_the_token_as_bearer_too_and_refused_without_one()
    {
        var id = StartUpload("bearer.bin");
        Assert.That(Send(Method.Put, $"files/{id}/parts/1", _token, r => r.AddBody(Filled(10, 1), ContentType.Binary)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Send(Method.Put, $"files/{id}/parts/2", build: r => r.AddBody(Filled(10, 1), ContentType.Binary)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase(0)]
    [TestCase(10001)]
    public void Part_numbers_run_from_1_to_10000(int number)
    {
        var id = StartUpload("numbers.bin");
        Assert.That(ErrorCode(PutPart(id, number, Filled(10, 1))), Is.EqualTo("BASESPACE.FILES.PART_NUMBER_INVALID"));
    }
}
