namespace Cairn.Intel.Store;

public enum PackKind
{
    TagPack,
    ActorPack,
    SanctionsList,
    UserTags,
}
