//! Interface labels of the mock workbook in the languages `:lng` selects.
//!
//! A handful of languages is enough to show that `:lng` takes effect; an
//! unknown code falls back to English and the page says so.

/// The labels the mock workbook shows.
pub struct Labels {
    /// "Signed in as".
    pub signed_in_as: &'static str,
    /// "Account type".
    pub account_type: &'static str,
    /// "Teams".
    pub teams: &'static str,
    /// "User attributes".
    pub attributes: &'static str,
    /// "Revenue by store".
    pub revenue_by_store: &'static str,
    /// "Region".
    pub region: &'static str,
    /// "Store".
    pub store: &'static str,
    /// "Product".
    pub product: &'static str,
    /// "Revenue".
    pub revenue: &'static str,
    /// "Total".
    pub total: &'static str,
    /// "All".
    pub all: &'static str,
    /// "Session expired. Reload the page." (Sigma's own text in English).
    pub session_expired: &'static str,
}

const EN: Labels = Labels {
    signed_in_as: "Signed in as",
    account_type: "Account type",
    teams: "Teams",
    attributes: "User attributes",
    revenue_by_store: "Revenue by store",
    region: "Region",
    store: "Store",
    product: "Product",
    revenue: "Revenue",
    total: "Total",
    all: "All",
    session_expired: "Session expired. Reload the page.",
};

const FR: Labels = Labels {
    signed_in_as: "Connecté en tant que",
    account_type: "Type de compte",
    teams: "Équipes",
    attributes: "Attributs utilisateur",
    revenue_by_store: "Chiffre d'affaires par magasin",
    region: "Région",
    store: "Magasin",
    product: "Produit",
    revenue: "Chiffre d'affaires",
    total: "Total",
    all: "Toutes",
    session_expired: "Session expirée. Rechargez la page.",
};

const DE: Labels = Labels {
    signed_in_as: "Angemeldet als",
    account_type: "Kontotyp",
    teams: "Teams",
    attributes: "Benutzerattribute",
    revenue_by_store: "Umsatz nach Filiale",
    region: "Region",
    store: "Filiale",
    product: "Produkt",
    revenue: "Umsatz",
    total: "Summe",
    all: "Alle",
    session_expired: "Sitzung abgelaufen. Laden Sie die Seite neu.",
};

const ES: Labels = Labels {
    signed_in_as: "Sesión iniciada como",
    account_type: "Tipo de cuenta",
    teams: "Equipos",
    attributes: "Atributos de usuario",
    revenue_by_store: "Ingresos por tienda",
    region: "Región",
    store: "Tienda",
    product: "Producto",
    revenue: "Ingresos",
    total: "Total",
    all: "Todas",
    session_expired: "La sesión ha caducado. Vuelva a cargar la página.",
};

const JA: Labels = Labels {
    signed_in_as: "ログイン中",
    account_type: "アカウントタイプ",
    teams: "チーム",
    attributes: "ユーザー属性",
    revenue_by_store: "店舗別売上",
    region: "地域",
    store: "店舗",
    product: "製品",
    revenue: "売上",
    total: "合計",
    all: "すべて",
    session_expired: "セッションの有効期限が切れました。ページを再読み込みしてください。",
};

/// The labels for a language code (`fr`, `fr-CA`, ...), and whether it was known.
pub fn labels(code: Option<&str>) -> (&'static Labels, bool) {
    let Some(code) = code else {
        return (&EN, true);
    };
    let primary = code
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "en" => (&EN, true),
        "fr" => (&FR, true),
        "de" => (&DE, true),
        "es" => (&ES, true),
        "ja" => (&JA, true),
        _ => (&EN, false),
    }
}
