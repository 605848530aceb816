using ConformanceHarness.Apps;

namespace ConformanceHarness.Scenarios;

/// <summary>How the app's HTTPS looked to a browser that trusts what a user's would, and what it served.</summary>
public sealed record TlsEvidence(Uri AppUrl, string? NavigationError, CertificateFacts? Certificate, string CertificateFile, BrowserVisit Visit);

/// <summary>
/// Opens the app in a browser context that refuses bad certificates (the only one that does), and reads
/// the certificate it serves. The harness's test CA stands in for a public CA: the certificates it issued
/// are trusted, nothing else.
/// </summary>
public static class TlsScenario
{
    public static async Task<TlsEvidence> RunAsync(CertificationSession session, string name)
    {
        var start = new Uri(session.AppUrl, "/").ToString();
        var visit = await session.Visitor.VisitAsync(name, baseSpaceSession: null, start, _ => Task.CompletedTask, judgesTls: true);
        var served = await AppCertificate.ReadAsync(session.AppUrl, TimeSpan.FromSeconds(10));
        var facts = served?.Facts();
        return new TlsEvidence(session.AppUrl, visit.NavigationError, facts, session.Store.WriteJson($"{name}/certificate.json", facts), visit);
    }
}
