namespace Cairn.Cases.Ledger;

/// <summary>
/// Steps of asset recovery. Return and sharing follow UNCAC Art. 57 (return of confiscated
/// property) and FATF Recommendation 38 / UNCAC Art. 57(5) (sharing between states).
/// </summary>
public enum LedgerEventKind
{
    Freeze,
    Unfreeze,
    Seize,
    TransferToCustody,
    Confiscate,
    Liquidate,
    ReturnToVictim,
    ReturnToState,
    Share,
}
