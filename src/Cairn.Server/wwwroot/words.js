// People read words, not identifiers: labels for the legal vocabulary (measures, channels, roles, languages).

export const MEASURES = {
  preservation: "Expedited preservation of stored data",
  expedited_disclosure: "Expedited disclosure of preserved traffic data",
  traffic_data: "Traffic data",
  realtime_traffic_data: "Real-time collection of traffic data",
  interception: "Interception of content",
  subscriber_info: "Subscriber information",
  stored_content: "Stored content",
  banking_information: "Bank and VASP account information",
  domain_registration: "Domain registration data",
  freeze: "Freezing of assets",
  seizure: "Seizure",
  confiscation: "Confiscation",
  asset_return: "Return of assets",
  asset_tracing: "Asset tracing",
  transaction_postponement: "Postponement of a transaction",
  testimony: "Testimony",
  fiu_exchange: "FIU-to-FIU information",
  joint_investigation: "Joint investigation team",
};

export const CHANNELS = {
  central_authority: "through the central authorities",
  contact_24_7: "through the 24/7 points of contact",
  direct_to_provider: "directly to the service provider",
  judicial_to_judicial: "from judicial authority to judicial authority",
  fiu_to_fiu: "from FIU to FIU",
  diplomatic: "through diplomatic channels",
  aro_to_aro: "between asset recovery offices",
  network_contact_point: "through the network's contact points (informal)",
};

const LANGUAGES = { eng: "English", fra: "French", deu: "German", spa: "Spanish", ita: "Italian", nld: "Dutch", pol: "Polish", por: "Portuguese",
  rus: "Russian", ukr: "Ukrainian", lit: "Lithuanian", lav: "Latvian", slv: "Slovenian", mkd: "Macedonian", tur: "Turkish", jpn: "Japanese", kor: "Korean",
  ara: "Arabic", zho: "Chinese", ces: "Czech", ron: "Romanian", hun: "Hungarian", ell: "Greek", swe: "Swedish", fin: "Finnish", dan: "Danish", est: "Estonian" };

export function language(code) { return LANGUAGES[code] || code; }

export const DUAL_CRIMINALITY = {
  required: "required", not_required: "not required", not_applicable: "not applicable", optional_refusal: "may be a ground to refuse",
  coercive_only: "only for coercive measures", per_requested_law: "as the requested State's law provides", per_treaty: "as the treaty provides",
  reservation_dependent: "only where the requested State reserved it", list_exempt: "not checked for listed offences", domestic_standard: "as in a domestic case",
};
