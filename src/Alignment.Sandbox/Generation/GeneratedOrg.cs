using Alignment.Core.Accounts;

namespace Alignment.Sandbox.Generation;

/// <summary>A generated org: its accounts (with owners and signals up to <see cref="AsOf"/>) and its sales users.</summary>
/// <param name="AsOf">The instant the org was generated for (UTC); no signal is later.</param>
/// <param name="Accounts">In a stable order; ids are 18-character Salesforce-style ids.</param>
/// <param name="Owners">The sales reps who own the accounts, then their managers.</param>
public sealed record GeneratedOrg(DateTimeOffset AsOf, IReadOnlyList<Account> Accounts, IReadOnlyList<Owner> Owners);
