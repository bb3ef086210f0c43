using System.Net;
using System.Text;
using Alignment.TestKit.Paths;

namespace Alignment.Salesforce.Tests.Support;

/// <summary>An HTTP stub answering by path from recorded fixtures; records every request (with its body).</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Match, Func<HttpRequestMessage, HttpResponseMessage> Answer)> _routes = [];

    public List<(HttpMethod Method, Uri Uri, string? Authorization, string? Body)> Requests { get; } = [];

    public StubHandler On(string pathAndQueryStart, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _routes.Add((r => r.RequestUri!.PathAndQuery.StartsWith(pathAndQueryStart, StringComparison.Ordinal), answer));
        return this;
    }

    public StubHandler OnFixture(string pathAndQueryStart, string fixture, HttpStatusCode status = HttpStatusCode.OK, string? limitInfo = null) =>
        On(pathAndQueryStart, _ => Json(SharedFixtures.ReadText(fixture), status, limitInfo));

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, string? limitInfo = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (limitInfo is not null)
        {
            response.Headers.TryAddWithoutValidation("Sforce-Limit-Info", limitInfo);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        }

        foreach (var (match, answer) in _routes)
        {
            if (match(request))
            {
                return answer(request);
            }
        }

        return Json("[{\"message\":\"no stub for " + request.RequestUri!.PathAndQuery + "\",\"errorCode\":\"NOT_FOUND\"}]", HttpStatusCode.NotFound);
    }
}
