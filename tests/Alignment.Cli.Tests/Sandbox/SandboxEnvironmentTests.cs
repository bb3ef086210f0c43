using Alignment.Cli.Sandbox;
using Alignment.Core.Accounts;

namespace Alignment.Cli.Tests.Sandbox;

public sealed class SandboxEnvironmentTests
{
    [Fact]
    public void SlackUserIds_SameEmailTwice_OneUserFirstOwnerWins()
    {
        Owner[] owners =
        [
            new("005A", "avery.walsh@example.com"),
            new("005B", "Avery.Walsh@example.com"),
            new("005C", null),
            new("005D", "quinn.novak@example.com"),
        ];

        var users = SandboxEnvironment.SlackUserIds(owners);

        Assert.Equal(2, users.Count);
        Assert.Equal("U0SANDBOX00", users["avery.walsh@example.com"]);
        Assert.Equal("U0SANDBOX01", users["quinn.novak@example.com"]);
    }
}
