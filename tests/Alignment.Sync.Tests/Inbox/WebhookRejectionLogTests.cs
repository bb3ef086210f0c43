using Alignment.Sync.Inbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Sync.Tests.Inbox;

public sealed class WebhookRejectionLogTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger _logger = new();

    [Fact]
    public void Rejected_OneWarningLineEachWithoutException()
    {
        var log = new WebhookRejectionLog(_time, _logger);

        log.Rejected("hubspot", 401, "X-HubSpot-Signature-v3 does not match.");

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Null(record.Exception);
        Assert.Equal("Webhook from hubspot rejected with 401: X-HubSpot-Signature-v3 does not match.", record.Message);
    }

    [Fact]
    public void Rejected_Flood_RateLimitedPerSourceAndCountedInTheNextWindow()
    {
        var log = new WebhookRejectionLog(_time, _logger);

        for (var i = 0; i < 1_000; i++)
        {
            log.Rejected("salesforce", 400, "The Outbound Message is not well-formed XML.");
        }

        log.Rejected("hubspot", 401, "bad signature");
        Assert.Equal(WebhookRejectionLog.LinesPerWindow + 1, _logger.Collector.Count);

        _time.Advance(WebhookRejectionLog.Window);
        log.Rejected("salesforce", 400, "again");

        var last = _logger.Collector.GetSnapshot().TakeLast(2).ToList();
        Assert.Equal("990 more rejected webhooks from salesforce were not logged (at most 10 lines per 60 s)", last[0].Message);
        Assert.Equal("Webhook from salesforce rejected with 400: again", last[1].Message);
        Assert.All(_logger.Collector.GetSnapshot(), r => Assert.Null(r.Exception));
    }

    [Fact]
    public void StoreFailed_ErrorWithTheException_RateLimited()
    {
        var log = new WebhookRejectionLog(_time, _logger);

        for (var i = 0; i < 50; i++)
        {
            log.StoreFailed("hubspot", new InvalidOperationException("storage down"));
        }

        var records = _logger.Collector.GetSnapshot();
        Assert.Equal(WebhookRejectionLog.LinesPerWindow, records.Count);
        Assert.All(records, r => Assert.Equal(LogLevel.Error, r.Level));
        Assert.IsType<InvalidOperationException>(records[0].Exception);
    }
}
