namespace Alignment.HubSpot.Wire;

internal sealed record Paging(NextPage? Next);
