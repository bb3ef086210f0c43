namespace Alignment.Sandbox.HubSpot;

/// <summary>Settings of the <see cref="HubSpotEmulator"/>.</summary>
public sealed class HubSpotEmulatorOptions
{
    /// <summary>Date version answered on <c>/crm/objects/{ApiVersion}/...</c> (the <c>/crm/v3</c> and <c>/crm/v4</c> paths are always answered).</summary>
    public string ApiVersion { get; set; } = "2026-03";

    /// <summary>When set, every call must carry <c>Authorization: Bearer {AccessToken}</c> (else 401).</summary>
    public string? AccessToken { get; set; }

    /// <summary>Added to every answer, to make call counts visible in wall time.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Ten-secondly burst budget: at most this many non-search calls per <see cref="RateLimitInterval"/>, else 429.</summary>
    public int RateLimitMax { get; set; } = 100;

    public TimeSpan RateLimitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Search calls per rolling second (HubSpot: 5).</summary>
    public int SearchRequestsPerSecond { get; set; } = 5;

    /// <summary>The daily budget reported in <c>X-HubSpot-RateLimit-Daily</c>.</summary>
    public long DailyLimit { get; set; } = 250_000;

    /// <summary>Search results reachable per query (HubSpot: 10,000); paging past it answers 400.</summary>
    public int SearchResultCap { get; set; } = 10_000;

    /// <summary>Associations returned per input per page (HubSpot: 500); lower it to exercise per-input paging.</summary>
    public int AssociationPageSize { get; set; } = 500;

    /// <summary>Start with the connector's <c>alignment</c> group and properties defined (as after <c>alignment setup hubspot</c>).</summary>
    public bool DefineAlignmentProperties { get; set; } = true;

    /// <summary>Clock for the rate-limit windows and the modification dates.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
