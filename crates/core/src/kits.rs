//! Each registered scheme's kit: what the app's forms draw for it (its
//! profile fields, form sections, interface parameters and defaults),
//! gathered through the registry from the folder's layout and catalogue.

use crate::form_fields::{kind, FormField};
use crate::form_layout::SchemeKit;
use crate::scheme::Scheme;

/// The kit of `scheme`.
pub fn kit(scheme: Scheme) -> SchemeKit {
    let spec = crate::schemes::spec(scheme);
    let layout = spec.layout();
    SchemeKit {
        scheme,
        label: spec.label().to_owned(),
        vendor: spec.vendor().to_owned(),
        profile: (layout.profile)(),
        sections: (layout.sections)(),
        interface: interface_fields(scheme),
        defaults: (layout.defaults)(),
        capabilities: spec.capabilities(),
    }
}

/// Every scheme's kit, in listing order.
pub fn kits() -> Vec<SchemeKit> {
    crate::schemes::listed()
        .iter()
        .map(|s| kit(s.scheme()))
        .collect()
}

/// The optional interface parameters of `scheme`, in catalogue order.
pub fn interface_fields(scheme: Scheme) -> Vec<FormField> {
    crate::documented::specs(scheme)
        // A form offers current names only; legacy names are for reading.
        .filter(|spec| {
            !spec.required
                && spec.legacy.is_none()
                && !crate::schemes::spec(scheme).form_covers(spec.name)
        })
        .map(|spec| FormField {
            name: spec.name.to_owned(),
            meaning: spec.meaning.to_owned(),
            field: kind(spec.allowed),
        })
        .collect()
}
