using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;

namespace Alignment.Cli.Evaluate;

/// <summary>An input account and its evaluation, for the output writers.</summary>
internal sealed record EvaluatedAccount(Account Account, AccountEvaluation Evaluation);
