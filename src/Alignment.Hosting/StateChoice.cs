namespace Alignment.Hosting;

/// <summary>Where connector state lives (<c>Alignment:StateStore</c>): Azure Table Storage, or Azurite locally.</summary>
public enum StateChoice
{
    Tables,
}
