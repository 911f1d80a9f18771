namespace Cairn.Legal.Requests.Validation;

/// <summary>
/// What validation each instrument requires before a request is sent. Only what the legal data in
/// data/legal already cites is cited here; Cairn has no judge role, so judicial validation is modelled
/// as validation by a user with the Prosecutor role (the public prosecutor is one of the authorities each
/// article names). Where no article requires validation, Cairn still asks for a second prosecutor (four
/// eyes) and says that this is its own control, not the instrument's.
/// </summary>
public static class ValidationRules
{
    /// <summary>The account role that validates (Cairn.Cases.Agencies.Role.Prosecutor, by name: this library does not see accounts).</summary>
    public const string Prosecutor = "Prosecutor";

    /// <summary>
    /// Directive 2014/41/EU Art 2(c)(ii): an EIO issued by an authority other than a judge, court, investigating judge
    /// or public prosecutor is validated by one of them before it is transmitted (data/legal/instruments/eio.yaml,
    /// condition "validation").
    /// </summary>
    public static readonly ValidationRequirement EuropeanInvestigationOrder = new(
        "a judge, court, investigating judge or public prosecutor validates the order before it is sent (in Cairn: a user with the Prosecutor role)",
        "Directive 2014/41/EU Art 2(c)(ii)", [Prosecutor], SecondPerson: false);

    /// <summary>
    /// Regulation (EU) 2018/1805 Art 2(8)(a)(ii): a freezing order issued by an authority other than a judge, court or
    /// public prosecutor is validated by one of them before transmission (data/legal/instruments/reg-2018-1805.yaml,
    /// condition "validation"); Annex I section M: the issuing authority signs the certificate as accurate and correct
    /// (data/legal/forms/freezing-certificate.yaml, field M.signature).
    /// </summary>
    public static readonly ValidationRequirement FreezingCertificate = new(
        "the issuing authority signs the certificate as accurate and correct, and an order not issued by a judge, court or public prosecutor is validated by one of them (in Cairn: a user with the Prosecutor role)",
        "Regulation (EU) 2018/1805 Art 2(8)(a)(ii); Annex I section M", [Prosecutor], SecondPerson: false);

    /// <summary>
    /// Regulation (EU) 2018/1805 Art 17(1) and Annex II section K: the issuing authority signs and certifies the
    /// confiscation certificate (data/legal/instruments/reg-2018-1805.yaml content "issuing_authority";
    /// data/legal/forms/confiscation-certificate.yaml, field K.signature).
    /// </summary>
    public static readonly ValidationRequirement ConfiscationCertificate = new(
        "the issuing authority signs and certifies the certificate as accurate and correct (in Cairn: a user with the Prosecutor role)",
        "Regulation (EU) 2018/1805 Art 17(1); Annex II section K", [Prosecutor], SecondPerson: false);

    /// <summary>Every other instrument: no article in Cairn's legal data requires validation, so Cairn requires four eyes itself.</summary>
    public static readonly ValidationRequirement FourEyes = new(
        "a second person with the Prosecutor role, other than whoever drafted or edited the request, validates it (four eyes)",
        "Cairn's own control: no article of this instrument in Cairn's legal data requires validation", [Prosecutor], SecondPerson: true);

    public static ValidationRequirement For(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.InstrumentId, request.RequestType) switch
        {
            ("eio", _) => EuropeanInvestigationOrder,
            (_, "freezing_certificate") => FreezingCertificate,
            (_, "confiscation_certificate") => ConfiscationCertificate,
            _ => FourEyes,
        };
    }

    /// <summary>The users who drafted or edited <paramref name="request"/> (null where the history does not say).</summary>
    public static IReadOnlyList<string?> Authors(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var drafted = request.History.FirstOrDefault();
        return [.. new[] { drafted }.Concat(request.History.Where(e => e.Action == "content")).Where(e => e is not null).Select(e => e!.By).Distinct()];
    }

    /// <summary>Whether <paramref name="request"/> may be sent with <paramref name="latest"/> as its last validation; throws naming what is missing.</summary>
    public static void EnsureSendable(LegalRequest request, RequestValidation? latest)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requirement = For(request);
        if (latest is null)
            throw Core.CairnException.Invalid("to", $"request {request.Id} cannot be sent before it is validated: {requirement.Who} ({requirement.Citation})");
        if (!latest.IsCurrentFor(request))
            throw Core.CairnException.Invalid("to", $"request {request.Id} cannot be sent: validation lapsed: edited after validation by {latest.By} on {latest.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC; validate it again");
    }
}
