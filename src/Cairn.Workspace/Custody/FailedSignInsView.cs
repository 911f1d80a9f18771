using Cairn.Cases.Custody;
using Cairn.Core.Paging;

namespace Cairn.Workspace.Custody;

/// <summary>The failed sign-ins with one login: the keyed hash they are logged under (object type "login") and one page of them.</summary>
public sealed record FailedSignInsView(string LoginKey, Page<CustodyEntry> Attempts);
