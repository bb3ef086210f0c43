namespace Alignment.Hosting.Webhooks;

/// <summary>What a host writes back for one webhook request (<see cref="WebhookEndpoint"/>).</summary>
/// <param name="StatusCode">200, or one of the documented refusals: 400, 401, 403, 404, 405, 413, 503 (docs/webhook-threat-model.md).</param>
/// <param name="ContentType">Content type of <paramref name="Body"/>.</param>
/// <param name="Body">The acknowledgement, or the problem.</param>
/// <param name="RetryAfterSeconds">For 503: when to try again (the <c>Retry-After</c> header); else null.</param>
public sealed record WebhookResponse(int StatusCode, string ContentType, string Body, int? RetryAfterSeconds = null);
