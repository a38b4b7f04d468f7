//! The mock dashboard's reading of `embed_datasource_filter`: which of the
//! demo data's columns each filter narrows.

use crate::data::{column_for, Filter};

/// Parses Bold BI's `embed_datasource_filter` value: dashboard parameters
/// after `&&`, URL filters after `&`, each `Name=Value` (values may be
/// comma-separated).
pub fn filters(value: &str) -> Vec<Filter> {
    value
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(name, values)| {
            column_for(name).map(|column| Filter {
                source: format!("embed_datasource_filter {name}"),
                column,
                values: values.split(',').map(|v| v.trim().to_owned()).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_values_are_read() {
        let filters = filters("&&Region=West,East&Product=Kettle&Unknown=1");
        assert_eq!(filters.len(), 2);
        assert_eq!(
            filters[0].values,
            vec!["West".to_owned(), "East".to_owned()]
        );
    }
}
