namespace Alignment.Sandbox.Generation;

/// <summary>Word lists of the generator: plausible, made-up companies and people (e-mails on example.com).</summary>
internal static class OrgNames
{
    public static readonly string[] Prefixes =
    [
        "North", "Blue", "Bright", "Iron", "Silver", "Cedar", "Summit", "Harbor", "Granite", "Crescent", "Pioneer",
        "Vertex", "Nimbus", "Quantum", "Atlas", "Beacon", "Cobalt", "Evergreen", "Falcon", "Horizon", "Juniper",
        "Keystone", "Lumen", "Meridian", "Nova", "Orbit", "Pinnacle", "Redwood", "Sterling", "Tidal", "Vanguard", "Zenith",
    ];

    public static readonly string[] Roots = ["wind", "stone", "field", "bridge", "point", "gate", "path", "line", "works", "scale", "wave", "forge", "peak", "grid", "leaf", "spark"];

    public static readonly string[] Suffixes = ["Labs", "Systems", "Analytics", "Group", "Technologies", "Partners", "Networks", "Holdings", "Solutions", "Industries"];

    public static readonly string[] IcpIndustries = ["Software", "Fintech", "Information Technology"];

    public static readonly string[] OtherIndustries = ["Manufacturing", "Retail", "Healthcare", "Education", "Logistics", "Media", "Energy", "Hospitality", "Construction", "Insurance"];

    public static readonly string[] IcpCountries = ["US", "US", "US", "US", "GB", "CA", "DE"];

    public static readonly string[] OtherCountries = ["FR", "NL", "AU", "BR", "IN", "JP", "ES", "SE", "MX", "SG"];

    public static readonly string[] IcpTechnologies = ["Salesforce", "HubSpot"];

    public static readonly string[] OtherTechnologies = ["Slack", "Snowflake", "Zendesk", "Marketo", "Workday", "AWS", "Azure", "Shopify", "Jira", "Segment"];

    public static readonly string[] Campaigns =
    [
        "Q4 product launch", "Pricing and packaging update", "Customer story: scaling RevOps", "Webinar: one source of truth",
        "Security whitepaper", "Year-end planning guide",
    ];

    public static readonly string[] Topics = ["revenue operations", "lead scoring", "crm data quality", "sales and marketing alignment"];

    public static readonly string[] FirstNames = ["Avery", "Jordan", "Riley", "Morgan", "Casey", "Taylor", "Quinn", "Rowan", "Parker", "Hayden", "Emerson", "Reese", "Sage", "Dakota", "Skyler", "Finley"];

    public static readonly string[] LastNames = ["Nakamura", "Okafor", "Lindqvist", "Moreau", "Castillo", "Brennan", "Schmidt", "Patel", "Hughes", "Novak", "Silva", "Kowalski", "Adeyemi", "Fischer", "Romero", "Walsh"];

    /// <summary>Where the reps sit: most in North America, some in Europe.</summary>
    public static readonly string[] TimeZones =
    [
        "America/New_York", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
    ];
}
