using Alignment.Sync.State;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.Checkpoints;

public sealed class TableCheckpointStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "checkpoints")
{
    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        var store = Instance<ICheckpointStore>();

        Assert.Null(await store.GetAsync("salesforce:scoring", Ct));
    }

    [Fact]
    public async Task SaveAsync_NewThenGet_RoundTripsValuesAndETag()
    {
        var store = Instance<ICheckpointStore>();
        var checkpoint = new Checkpoint(T0.AddTicks(1234567), T0.AddDays(-1));

        var saved = await store.SaveAsync("salesforce:scoring", checkpoint, null, Ct);
        var read = await store.GetAsync("salesforce:scoring", Ct);

        Assert.NotNull(read);
        Assert.Equal(checkpoint, read.Value);
        Assert.Equal(saved.ETag, read.ETag);
        Assert.False(string.IsNullOrEmpty(saved.ETag));
    }

    [Fact]
    public async Task SaveAsync_NullCheckpointFields_RoundTrip()
    {
        var store = Instance<ICheckpointStore>();

        await store.SaveAsync("hubspot:scoring", new Checkpoint(null, null), null, Ct);

        Assert.Equal(new Checkpoint(null, null), (await store.GetAsync("hubspot:scoring", Ct))!.Value);
    }

    [Fact]
    public async Task SaveAsync_CreateWhenItExists_ThrowsConflict()
    {
        var first = Instance<ICheckpointStore>();
        var second = Instance<ICheckpointStore>();
        await first.SaveAsync("x", new Checkpoint(T0, null), null, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync("x", new Checkpoint(T0.AddHours(1), null), null, Ct));
        Assert.Equal(T0, (await first.GetAsync("x", Ct))!.Value.ModifiedSince);
    }

    [Fact]
    public async Task SaveAsync_WithCurrentETag_Replaces()
    {
        var store = Instance<ICheckpointStore>();
        var created = await store.SaveAsync("x", new Checkpoint(T0, null), null, Ct);

        var updated = await store.SaveAsync("x", new Checkpoint(T0.AddMinutes(15), T0), created.ETag, Ct);

        Assert.NotEqual(created.ETag, updated.ETag);
        Assert.Equal(new Checkpoint(T0.AddMinutes(15), T0), (await store.GetAsync("x", Ct))!.Value);
    }

    [Fact]
    public async Task SaveAsync_TwoInstancesRaceWithSameETag_SecondThrowsConflict()
    {
        var first = Instance<ICheckpointStore>();
        var second = Instance<ICheckpointStore>();
        var created = await first.SaveAsync("race", new Checkpoint(T0, null), null, Ct);

        await first.SaveAsync("race", new Checkpoint(T0.AddMinutes(15), null), created.ETag, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync("race", new Checkpoint(T0.AddMinutes(30), null), created.ETag, Ct));
        Assert.Equal(T0.AddMinutes(15), (await second.GetAsync("race", Ct))!.Value.ModifiedSince);
    }

    [Fact]
    public async Task SaveAsync_WithETagWhenMissing_ThrowsConflict()
    {
        var store = Instance<ICheckpointStore>();
        var other = await store.SaveAsync("exists", new Checkpoint(T0, null), null, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("missing", new Checkpoint(T0, null), other.ETag, Ct));
    }

    [Theory]
    [InlineData("salesforce/scoring#full?x")]
    [InlineData("back\\slash")]
    [InlineData("Zürich 東京 ✓")]
    [InlineData("50%")]
    public async Task SaveAsync_AwkwardName_RoundTrips(string name)
    {
        var store = Instance<ICheckpointStore>();

        await store.SaveAsync(name, new Checkpoint(T0, null), null, Ct);

        Assert.Equal(T0, (await store.GetAsync(name, Ct))!.Value.ModifiedSince);
        Assert.Null(await store.GetAsync(name + "x", Ct));
    }
}
