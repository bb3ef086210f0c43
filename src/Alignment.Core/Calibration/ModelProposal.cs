using Alignment.Core.Model;

namespace Alignment.Core.Calibration;

/// <summary>
/// The proposed model: the current one with the suggested weights and thresholds and a bumped version. Never applied
/// by the connector: <see cref="ProposedModelWriter"/> writes it as a file for RevOps to review.
/// </summary>
public sealed record ModelProposal(SuggestedWeights Weights, SuggestedThresholds Thresholds, TierCapacities Capacities, AlignmentModel Model);
