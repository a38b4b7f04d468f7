//! The mock workbook's sample sales data, generated (nothing downloaded), and
//! the row-level filters that user attributes, controls and Bold BI's
//! `embed_datasource_filter` apply to it.

use serde::Serialize;

/// One row of the sample table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sale {
    /// Position in [`sales`], from 0.
    pub id: usize,
    /// Sales region.
    pub region: &'static str,
    /// Store (a city).
    pub store: &'static str,
    /// Product.
    pub product: &'static str,
    /// Revenue in whole dollars.
    pub revenue: u32,
}

const STORES: &[(&str, &[&str])] = &[
    ("West", &["Seattle", "Portland", "San Diego"]),
    ("East", &["Boston", "New York", "Philadelphia"]),
    ("Midwest", &["Chicago", "Detroit", "Minneapolis"]),
    ("South", &["Atlanta", "Dallas", "Miami"]),
];
const PRODUCTS: &[&str] = &["Espresso Machine", "Grinder", "Kettle", "French Press"];

/// The columns filters can name.
pub const COLUMNS: &[&str] = &["region", "store", "product"];

/// All 48 rows, the same every time (generated once).
pub fn sales() -> &'static [Sale] {
    static SALES: std::sync::OnceLock<Vec<Sale>> = std::sync::OnceLock::new();
    SALES.get_or_init(generate)
}

fn generate() -> Vec<Sale> {
    let mut seed: u32 = 0x5eed_1234;
    let mut rows = Vec::with_capacity(48);
    for (region, stores) in STORES {
        for store in *stores {
            for product in PRODUCTS {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                rows.push(Sale {
                    id: rows.len(),
                    region,
                    store,
                    product,
                    revenue: 2_000 + (seed >> 8) % 48_000,
                });
            }
        }
    }
    rows
}

/// A filter: a column and the values it keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Where it came from (`:ua_Region`, control `Store-Region`, ...).
    pub source: String,
    /// The column (region, store, product).
    pub column: &'static str,
    /// The values kept (case-insensitive).
    pub values: Vec<String>,
}

/// The column a parameter or attribute name refers to: the name, lowercased
/// and stripped of punctuation, equals or ends with a column name
/// (`Region`, `Store-Region` and `store_region` all mean region).
pub fn column_for(name: &str) -> Option<&'static str> {
    let bare: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    COLUMNS
        .iter()
        .copied()
        .find(|column| bare.ends_with(column))
}

/// Keeps the rows every filter allows.
pub fn apply<'a>(rows: &'a [Sale], filters: &[Filter]) -> Vec<&'a Sale> {
    rows.iter()
        .filter(|row| {
            filters.iter().all(|f| {
                let cell = match f.column {
                    "region" => row.region,
                    "store" => row.store,
                    _ => row.product,
                };
                f.values.iter().any(|v| v.eq_ignore_ascii_case(cell))
            })
        })
        .collect()
}

/// `$12,345`.
pub fn dollars(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::from("$");
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(dollars(0), "$0");
        assert_eq!(dollars(999), "$999");
        assert_eq!(dollars(1_000), "$1,000");
        assert_eq!(dollars(1_234_567), "$1,234,567");
    }

    #[test]
    fn the_data_is_stable_and_filterable() {
        let rows = sales();
        assert_eq!(rows.len(), 48);
        assert_eq!(rows, generate().as_slice());
        assert!(rows.iter().enumerate().all(|(i, r)| r.id == i));
        let west = apply(
            rows,
            &[Filter {
                source: String::new(),
                column: "region",
                values: vec!["west".into()],
            }],
        );
        assert_eq!(west.len(), 12);
        assert!(west.iter().all(|r| r.region == "West"));
    }

    #[test]
    fn names_map_to_columns() {
        assert_eq!(column_for("Region"), Some("region"));
        assert_eq!(column_for("Store-Region"), Some("region"));
        assert_eq!(column_for("store_name"), None);
        assert_eq!(column_for("Product"), Some("product"));
    }
}
