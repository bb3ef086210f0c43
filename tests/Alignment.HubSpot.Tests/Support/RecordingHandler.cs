using System.Collections.Concurrent;

namespace Alignment.HubSpot.Tests.Support;

/// <summary>Innermost handler that records every attempt (after auth, retry and the rate gate).</summary>
public sealed class RecordingHandler(ConcurrentQueue<RecordedRequest> log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        log.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString()));
        return await base.SendAsync(request, cancellationToken);
    }
}
