using Alignment.Core.Accounts;

namespace Alignment.Sync.Crm;

/// <summary>The fields to write on one account.</summary>
/// <param name="AccountId">CRM id of the account.</param>
/// <param name="Values">The wanted values; only the members named in <paramref name="Fields"/> are written.</param>
/// <param name="Fields">The fields whose value changed. Never empty.</param>
public sealed record AccountWrite(string AccountId, AlignmentState Values, IReadOnlySet<AlignmentField> Fields);
