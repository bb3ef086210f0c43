using System.Text;
using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Alignment.Functions.Tests.Triggers;

/// <summary>
/// An HTTP trigger's input as the worker hands it to a function: <see cref="HttpRequestData"/> and its
/// <see cref="FunctionContext"/> mocked with Moq (the worker's abstract classes, which we don't own), and the responses
/// the function created, with their bodies kept.
/// </summary>
internal sealed class HttpTrigger : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<Mock<HttpResponseData>> _responses = [];

    public HttpTrigger(string method, string url, byte[] body, IReadOnlyDictionary<string, string>? headers = null)
    {
        _services = new ServiceCollection()
            .Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)))
            .BuildServiceProvider();
        Context = new Mock<FunctionContext>();
        Context.SetupProperty(c => c.InstanceServices, _services);
        var requestHeaders = new HttpHeadersCollection();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            requestHeaders.Add(name, value);
        }

        Request = new Mock<HttpRequestData>(Context.Object);
        Request.Setup(r => r.Method).Returns(method);
        Request.Setup(r => r.Url).Returns(new Uri(url));
        Request.Setup(r => r.Headers).Returns(requestHeaders);
        Request.Setup(r => r.Body).Returns(new MemoryStream(body));
        Request.Setup(r => r.CreateResponse()).Returns(() =>
        {
            var response = new Mock<HttpResponseData>(Context.Object);
            response.SetupProperty(r => r.StatusCode);
            response.Setup(r => r.Headers).Returns(new HttpHeadersCollection());
            response.SetupProperty(r => r.Body, new MemoryStream());
            _responses.Add(response);
            return response.Object;
        });
    }

    public Mock<FunctionContext> Context { get; }

    public Mock<HttpRequestData> Request { get; }

    /// <summary>The one response the function created.</summary>
    public HttpResponseData Response => Assert.Single(_responses).Object;

    public string ResponseBody => Encoding.UTF8.GetString(((MemoryStream)Response.Body).ToArray());

    public string? ResponseContentType => Response.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;

    public static HttpTrigger Post(string url, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new("POST", url, Encoding.UTF8.GetBytes(body), headers);

    public void Dispose() => _services.Dispose();
}
