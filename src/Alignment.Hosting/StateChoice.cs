namespace Alignment.Hosting;

/// <summary>Where connector state lives (<c>Alignment:State</c>): Azure Table Storage, or Azurite locally.</summary>
public enum StateChoice
{
    Tables,
}
