namespace Alignment.Core.Handoffs;

/// <summary>The handoff status field. <c>Accepted</c> and <c>Recycled</c> may be set by a rep and are never overwritten by the connector except as the rules say (recycle).</summary>
public enum HandoffStatus
{
    None = 0,
    Pending,
    Accepted,
    Recycled,
}
