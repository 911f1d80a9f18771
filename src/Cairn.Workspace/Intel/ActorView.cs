using Cairn.Intel.Actors;

namespace Cairn.Workspace.Intel;

/// <summary>An actor with its categories, jurisdictions, legal name, aliases, references, the pack it came from and how many tags name it.</summary>
public sealed record ActorView(string Id, string Label, string? Uri, IReadOnlyList<string> Categories, IReadOnlyList<string> Jurisdictions, string? LegalName,
    IReadOnlyList<string> Aliases, IReadOnlyList<string> References, string Pack, int Tags)
{
    public static ActorView Of(Actor actor, int tags)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new(actor.Id, actor.Label, actor.Uri, actor.Categories, actor.Jurisdictions, actor.LegalName, actor.Aliases, actor.References, actor.PackId, tags);
    }
}
