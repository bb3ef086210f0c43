using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;

namespace Alignment.Cli.Evaluate;

/// <summary>An input account and what the domain concludes about it, for the output writers.</summary>
internal sealed record EvaluatedAccount(Account Account, AlignmentOutcome Outcome)
{
    public AccountEvaluation Evaluation => Outcome.Evaluation;
}
