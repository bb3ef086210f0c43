using Alignment.TestKit.Azurite;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
