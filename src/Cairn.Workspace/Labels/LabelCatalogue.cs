namespace Cairn.Workspace.Labels;

/// <summary>
/// The words people read for Cairn's codes: one catalogue, served at /api/v1/labels and shared by
/// every page of the web UI (the code stays available on hover and in the expert view). Groups are
/// named after what they label; <see cref="LabelService"/> adds the States and instruments of the
/// legal reference data. A test checks that every code of every enumeration has its words here.
/// </summary>
public static class LabelCatalogue
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Static = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["role"] = Group(
            ("Investigator", "Investigator"), ("Prosecutor", "Prosecutor"), ("FiuAnalyst", "FIU analyst"),
            ("AssetRecoveryOfficer", "Asset-recovery officer"), ("Auditor", "Auditor"), ("Admin", "Administrator")),
        ["agency_kind"] = Group(
            ("police", "Police"), ("prosecution", "Prosecution service"), ("fiu", "Financial intelligence unit (FIU)"),
            ("aro", "Asset recovery office (ARO)"), ("court", "Court")),
        ["grant_level"] = Group(("read", "Read only"), ("contribute", "Contribute (traces, evidence, drafts)")),
        ["case_access"] = Group(("owner", "Owner"), ("contribute", "Contributing agency"), ("read", "Read-only access"), ("none", "No access")),
        ["case_status"] = Group(("open", "Open"), ("suspended", "Suspended"), ("closed", "Closed")),
        ["offence_type"] = Group(
            ("ransomware", "Ransomware"), ("extortion", "Extortion (other than ransomware)"), ("fraud", "Fraud"),
            ("investment_fraud", "Investment fraud"), ("business_email_compromise", "Business e-mail compromise"),
            ("theft", "Theft or hack of crypto-assets"), ("money_laundering", "Money laundering"), ("corruption", "Corruption"),
            ("bribery", "Bribery"), ("embezzlement", "Embezzlement"), ("drug_trafficking", "Drug trafficking"),
            ("darknet_market", "Darknet market"), ("sanctions_evasion", "Sanctions evasion"), ("terrorist_financing", "Terrorist financing"),
            ("child_sexual_exploitation", "Child sexual exploitation"), ("cybercrime", "Other cybercrime"), ("other", "Other (described)")),
        ["wallet_role"] = Group(("victim", "Victim's wallet"), ("perpetrator", "Perpetrator's wallet"), ("service", "Service (exchange, mixer…)"), ("unknown", "Role not known")),
        ["subject_kind"] = Group(("person", "Person"), ("organisation", "Organisation")),
        ["subject_role"] = Group(("suspect", "Suspect"), ("victim", "Victim"), ("witness", "Witness"), ("other", "Other")),
        ["identifier_kind"] = Group(
            ("passport", "Passport number"), ("national_id", "National identity number"), ("driving_licence", "Driving licence"),
            ("date_of_birth", "Date of birth"), ("company_registration", "Company registration number"), ("tax_id", "Tax identification number"),
            ("lei", "Legal Entity Identifier (LEI)"), ("email", "E-mail address"), ("phone", "Telephone number"), ("iban", "Bank account (IBAN)"),
            ("exchange_account", "Exchange account"), ("online_account", "Online account or handle"), ("ip_address", "IP address"),
            ("postal_address", "Postal address"), ("other", "Other identifier")),
        ["chain"] = Group(("btc", "Bitcoin"), ("eth", "Ethereum")),
        ["request_status"] = Group(
            ("draft", "Draft"), ("ready", "Ready to send"), ("sent", "Sent"), ("acknowledged", "Acknowledged by the requested State"),
            ("executed", "Executed"), ("partially_executed", "Partially executed"), ("refused", "Refused"), ("withdrawn", "Withdrawn")),
        ["deadline_state"] = Group(
            ("not_started", "Not started"), ("no_fixed_period", "No fixed period"), ("pending", "Running"), ("due_soon", "Due soon"),
            ("overdue", "Overdue"), ("met", "Met"), ("closed", "Closed")),
        ["deadline_kind"] = Group(("obligation", "Obligation"), ("target", "Target (no fixed period)"), ("extension", "Extension"), ("minimum_retention", "Minimum retention")),
        ["measure"] = Group(
            ("preservation", "Preservation of stored data"), ("traffic_data", "Traffic data"), ("subscriber_info", "Subscriber information"),
            ("stored_content", "Stored content"), ("freeze", "Freezing of assets"), ("seizure", "Seizure"), ("confiscation", "Confiscation"),
            ("asset_return", "Return of assets"), ("testimony", "Testimony"), ("fiu_exchange", "FIU-to-FIU information exchange"),
            ("domain_registration", "Domain registration data"), ("joint_investigation", "Joint investigation team"),
            ("realtime_traffic_data", "Real-time traffic data"), ("interception", "Interception of content"), ("banking_information", "Banking information"),
            ("transaction_postponement", "Postponement of transactions"), ("asset_tracing", "Asset tracing"), ("expedited_disclosure", "Expedited disclosure of traffic data")),
        ["channel"] = Group(
            ("central_authority", "Central authority"), ("contact_24_7", "24/7 network (Budapest Art 35)"), ("direct_to_provider", "Directly to the service provider"),
            ("judicial_to_judicial", "Judicial authority to judicial authority"), ("fiu_to_fiu", "FIU to FIU (Egmont Secure Web)"), ("diplomatic", "Diplomatic channel"),
            ("aro_to_aro", "Asset recovery office to asset recovery office"), ("network_contact_point", "Informal network contact point (CARIN, ARIN)")),
        ["request_type"] = Group(
            ("mla_request", "Mutual legal assistance request"), ("eio", "European Investigation Order"), ("freezing_certificate", "Freezing certificate (Reg 2018/1805)"),
            ("freezing_order_certificate", "Freezing order certificate"), ("confiscation_certificate", "Confiscation certificate (Reg 2018/1805)"),
            ("expedited_preservation", "Expedited preservation request"), ("expedited_disclosure", "Expedited disclosure request"), ("production_order", "Production order"),
            ("european_production_order", "European Production Order"), ("european_preservation_order", "European Preservation Order"),
            ("fiu_request", "FIU request"), ("fiu_spontaneous_disclosure", "FIU spontaneous disclosure"), ("aro_request", "Asset recovery office request"),
            ("informal_request", "Informal request (no legal basis)"), ("jit_agreement", "Joint investigation team agreement")),
        ["ledger_event"] = Group(
            ("freeze", "Freeze"), ("unfreeze", "Release from freezing"), ("seize", "Seize"), ("transfer_to_custody", "Transfer to custody"),
            ("confiscate", "Confiscate"), ("liquidate", "Liquidate (convert)"), ("return_to_victim", "Return to victim"),
            ("return_to_state", "Return to State"), ("share", "Share with another State")),
        ["ledger_approval"] = Group(("approved", "Approved"), ("pending", "Awaiting a second user's approval"), ("rejected", "Rejected")),
        ["evidence_method"] = Group(
            ("upload", "Uploaded file"), ("document", "Document received"), ("screenshot", "Screenshot"), ("trace", "Saved trace"),
            ("received-mla", "Received in reply to a request"), ("exchange", "Received from a partner node"), ("provider-response", "Provider's response"),
            ("seizure-record", "Seizure record")),
        ["deadline_view"] = Group(("overdue", "Overdue"), ("due_soon", "Due soon"), ("any", "With a running deadline")),
        ["notification_kind"] = Group(
            ("case_shared", "Case shared with your agency"), ("case_revoked", "Access to a case revoked"), ("request_overlap", "Another agency's request to the same State"),
            ("address_hit", "An address is also in another agency's case"), ("contact_request", "Another agency asks for contact"),
            ("cluster_hit", "An address is in the same cluster as another agency's"), ("partner_hit", "An address is also held at a partner node")),
        ["message_type"] = Group(
            ("request", "Cooperation request"), ("response", "Answer to a request"), ("fiu_disclosure", "FIU disclosure"), ("fiu_request", "FIU request for information"),
            ("ack", "Acknowledgement"), ("receipt", "Signed receipt"), ("match_filter", "Deconfliction match filter"), ("match_hit", "Deconfliction match or contact request")),
        ["category"] = Group(
            ("exchange", "Exchange"), ("mixing_service", "Mixing service"), ("defi_bridge", "DeFi bridge"), ("sanction", "Sanctioned"), ("sanctions", "Sanctions list"),
            ("gambling", "Gambling"), ("market", "Darknet market"), ("miner", "Miner"), ("mining_service", "Mining pool"), ("payment_processor", "Payment processor"),
            ("ransomware", "Ransomware"), ("wallet_service", "Wallet service"), ("victim_address", "Victim's address"), ("unattributed", "Not attributed")),
        ["object_type"] = Group(
            ("case", "Case"), ("evidence", "Evidence"), ("ledger_event", "Ledger event"), ("victim", "Victim"), ("installation", "Whole installation"), ("address", "Address (hashed)"), ("request", "Request"), ("trace", "Trace"), ("account", "Account"),
            ("token", "API token"), ("agency", "Agency"), ("notification", "Notification"), ("http", "Refused call"), ("log", "Custody log")),
        ["custody_action"] = Group(
            ("case.create", "Case opened"), ("case.read", "Case read"), ("case.read-pseudonymised", "Case read with pseudonyms (pseudonymised share)"), ("case.list", "Case list read"), ("case.update", "Case changed"),
            ("case.share", "Case shared"), ("case.revoke", "Share revoked"), ("case.dashboard", "Dashboard read"),
            ("evidence.add", "Evidence added"), ("evidence.list", "Evidence list read"), ("evidence.export", "Evidence package exported"), ("evidence.read", "Evidence read"),
            ("ledger.add", "Ledger event recorded"), ("ledger.read", "Ledger read"),
            ("ledger.approve", "Disposal approved (four eyes)"), ("ledger.reject", "Disposal rejected (four eyes)"),
            ("victim.add", "Victim added"), ("victim.loss", "Victim's loss recorded"), ("victim.list", "Victims read"), ("stats.read", "Statistics read"), ("deconfliction.hit", "Address hit between agencies"), ("deconfliction.contact", "Contact requested after an address hit"),
            ("deconfliction.cluster_hit", "Cluster hit between agencies"), ("deconfliction.partner_hit", "Address hit at a partner node"), ("deconfliction.scan", "Other agencies' addresses compared (cluster check)"),
            ("deconfliction.filter.publish", "Match filter sent to a partner"), ("deconfliction.filter.check", "Partner's match filter checked"),
            ("request.create", "Request drafted"), ("request.read", "Request read"), ("request.list", "Requests listed"), ("request.content", "Request text saved"),
            ("request.validate", "Request validated for sending"),
            ("trace.save", "Trace saved"), ("trace.read", "Trace read"), ("trace.list", "Traces listed"),
            ("auth.signin", "Signed in"), ("auth.signin.failed", "Failed sign-in"), ("auth.signout", "Signed out"),
            ("account.create", "Account created"), ("account.password", "Password changed"), ("account.disable", "Account disabled"),
            ("account.enable", "Account enabled"), ("account.roles", "Roles changed"), ("token.create", "API token created"), ("token.revoke", "API token revoked"),
            ("agency.register", "Agency registered"), ("agency.update", "Agency changed"),
            ("notification.create", "Notification sent"), ("notification.list", "Notifications read"), ("notification.read", "Notification marked read"),
            ("access.refused", "Access refused"), ("log.search", "Custody log searched")),
    };

    private static IReadOnlyDictionary<string, string> Group(params (string Code, string Words)[] entries) =>
        entries.ToDictionary(e => e.Code, e => e.Words, StringComparer.Ordinal);
}
