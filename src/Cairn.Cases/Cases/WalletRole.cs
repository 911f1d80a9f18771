namespace Cairn.Cases.Cases;

/// <summary>Why a wallet matters to the case.</summary>
public enum WalletRole
{
    Unknown,
    Victim,
    Perpetrator,
    Service,
}
