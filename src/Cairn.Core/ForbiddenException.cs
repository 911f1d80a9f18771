namespace Cairn.Core;

/// <summary>
/// The user may see the thing but not do this to it (e.g. an agency with read access to a shared
/// case tries to add evidence). Only for things the user can already see: what they may not see is
/// a <see cref="NotFoundException"/>, so refusing never reveals that it exists.
/// </summary>
public sealed class ForbiddenException : CairnException
{
    public ForbiddenException(string message) : base(message) { }

    public ForbiddenException(string message, Exception innerException) : base(message, innerException) { }

    public ForbiddenException() { }
}
