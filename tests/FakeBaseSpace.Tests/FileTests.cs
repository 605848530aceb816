using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>Sample files, downloads (direct and through a short-lived link) and single-part uploads.</summary>
public sealed class FileTests : FakeTest
{
    private string _token = null!;
    private string _appResultId = null!;

    [OneTimeSetUp]
    public void AppResult() => (_token, _appResultId) = LaunchedAppResult(Ada, "Uploads");

    [Test]
    public void Seeded_samples_have_two_fastq_files_with_content()
    {
        var files = Ok(Get($"samples/{Ada.Sample.Id}/files", _token)).GetProperty("Items").EnumerateArray().ToArray();
        Assert.That(files.Select(f => f.GetProperty("Name").GetString()), Has.All.EndsWith(".fastq"));
        Assert.That(files, Has.Length.EqualTo(2));
        var content = Get($"files/{files[0].GetProperty("Id").GetString()}/content", _token);
        Assert.That(content.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(content.RawBytes, Has.Length.EqualTo(files[0].GetProperty("Size").GetInt64()));
        Assert.That(Encoding.ASCII.GetString(content.RawBytes!), Does.StartWith("@Ada-Sample-1:1"));
    }

    [Test]
    public void Extensions_filter_the_file_list()
    {
        Assert.That(Ok(Get($"samples/{Ada.Sample.Id}/files?Extensions=.bam", _token)).GetProperty("TotalCount").GetInt32(), Is.Zero);
        Assert.That(Ok(Get($"samples/{Ada.Sample.Id}/files?Extensions=.bam,.fastq", _token)).GetProperty("TotalCount").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void Redirect_meta_gives_an_absolute_link_that_needs_no_token()
    {
        var file = Ok(Get($"samples/{Ada.Sample.Id}/files", _token)).GetProperty("Items")[0].GetProperty("Id").GetString();
        var meta = Ok(Get($"files/{file}/content?redirect=meta", _token));
        var href = meta.GetProperty("HrefContent").GetString()!;
        Assert.That(Uri.IsWellFormedUriString(href, UriKind.Absolute), href);
        Assert.That(meta.TryGetProperty("Expires", out _));
        var anonymous = Client.Execute(new RestRequest(href));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Encoding.ASCII.GetString(anonymous.RawBytes!), Does.StartWith("@Ada-Sample-1"));
        Assert.That(Client.Execute(new RestRequest(href + "x")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void Uploaded_bytes_round_trip_exactly()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();
        var response = Send(Method.Post, $"appresults/{_appResultId}/files?name=result.bin&directory=out/", _token,
            r => r.AddBody(bytes, ContentType.Binary));
        var file = Ok(response, 201);
        Assert.That(file.GetProperty("Size").GetInt64(), Is.EqualTo(bytes.Length));
        Assert.That(file.GetProperty("Path").GetString(), Is.EqualTo("out/result.bin"));
        Assert.That(file.GetProperty("UploadStatus").GetString(), Is.EqualTo("complete"));
        var back = Get($"files/{file.GetProperty("Id").GetString()}/content", _token);
        Assert.That(back.RawBytes, Is.EqualTo(bytes));
        var listed = Ok(Get($"appresults/{_appResultId}/files", _token)).GetProperty("Items").EnumerateArray();
        Assert.That(listed.Select(f => f.GetProperty("Name").GetString()), Does.Contain("result.bin"));
    }

    [Test]
    public void Raw_bytes_labelled_multipart_without_a_boundary_are_the_file()
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, ch, e) => Fake.TrustTestCa(this, c, ch, e) });
        var bytes = Encoding.ASCII.GetBytes("sample\tcount\nAda-Sample-1\t4\n");
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        using var request = new HttpRequestMessage(HttpMethod.Post, Api($"appresults/{_appResultId}/files?name=counts.tsv")) { Content = content };
        request.Headers.Add("x-access-token", _token);
        using var response = http.Send(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        var id = System.Text.Json.JsonDocument.Parse(response.Content.ReadAsStream()).RootElement.GetProperty("Response").GetProperty("Id").GetString();
        Assert.That(Get($"files/{id}/content", _token).RawBytes, Is.EqualTo(bytes));
    }

    [Test]
    public void A_multipart_form_upload_stores_the_file_part()
    {
        var bytes = Encoding.ASCII.GetBytes("multipart payload\n");
        var response = Send(Method.Post, $"appresults/{_appResultId}/files?name=part.txt", _token,
            r => r.AddFile("file", bytes, "part.txt", ContentType.Plain));
        var id = Ok(response, 201).GetProperty("Id").GetString();
        Assert.That(Get($"files/{id}/content", _token).RawBytes, Is.EqualTo(bytes));
    }

    [Test]
    public void A_multipart_form_upload_with_fields_before_the_file_stores_the_file_part()
    {
        var bytes = Encoding.ASCII.GetBytes("the file, not the field\n");
        // Written by hand: RestSharp would put the file first.
        const string boundary = "----fake-boundary-7d1";
        var body = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\na form field sent first\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fielded.txt\"\r\nContent-Type: text/plain\r\n\r\n" +
            Encoding.ASCII.GetString(bytes) + $"\r\n--{boundary}--\r\n");
        var response = Send(Method.Post, $"appresults/{_appResultId}/files?name=fielded.txt", _token,
            r => r.AddBody(body, $"multipart/form-data; boundary={boundary}"));
        var file = Ok(response, 201);
        Assert.That(file.GetProperty("Name").GetString(), Is.EqualTo("fielded.txt"));
        Assert.That(file.GetProperty("ContentType").GetString(), Is.EqualTo("text/plain"));
        Assert.That(Get($"files/{file.GetProperty("Id").GetString()}/content", _token).RawBytes, Is.EqualTo(bytes));
    }

    [Test]
    public void Uploading_needs_write_on_the_project()
    {
        var readOnly = TokenWithScopes(Ada, $"read project {Ada.Project.Id}");
        var response = Send(Method.Post, $"appresults/{_appResultId}/files?name=nope.txt", readOnly, r => r.AddBody("x", ContentType.Plain));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
