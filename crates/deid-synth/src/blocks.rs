//! Generated tables and lists: labs, medications and vitals. None of it is PHI except
//! the date a lab panel was drawn.

use deid_core::Category;
use rand::Rng;
use rand::seq::IndexedRandom;

use crate::kinds::Block;
use crate::pools::clinical::{DRUGS, LAB_TABLE};
use crate::writer::Writer;

impl Writer<'_> {
    pub(crate) fn block(&mut self, block: Block) {
        match block {
            Block::Labs => self.labs(),
            Block::Meds => self.med_list(),
            Block::Vitals => self.vitals(),
        }
    }

    fn labs(&mut self) {
        let heading = *["LABS", "Labs", "Laboratory Data", "LAB RESULTS"]
            .choose(self.rng)
            .unwrap_or(&"Labs");
        self.out.push(heading);
        if self.phi_free {
            let when = *["admission", "this morning", "06:00"]
                .choose(self.rng)
                .unwrap_or(&"06:00");
            self.out.push(&format!(" ({when}):\n"));
        } else {
            let date = self.cast.visit.plus(-self.rng.random_range(0..4));
            self.out.push(" (");
            let d = date.format_full(self.rng);
            self.out.phi(Category::Date, &d);
            let time = self.rng.random_range(0..24);
            self.out.push(&format!(
                " {time:02}:{:02}):\n",
                self.rng.random_range(0..60)
            ));
        }
        self.out.push(&format!(
            "{:<12} {:>7}  {:<8} {}\n",
            "Test", "Result", "Units", "Ref range"
        ));
        let n = self.rng.random_range(4..9);
        let rows: Vec<_> = LAB_TABLE.choose_multiple(self.rng, n).copied().collect();
        let lines: Vec<String> = rows
            .into_iter()
            .map(|(name, lo, hi, decimals, unit, range)| {
                let v = self.rng.random_range(lo..=hi);
                let flag = if self.rng.random_bool(0.2) { " H" } else { "" };
                let value = format!("{v:.decimals$}{flag}");
                format!("{name:<12} {value:>7}  {unit:<8} {range}")
                    .trim_end()
                    .to_string()
            })
            .collect();
        self.out.push(&lines.join("\n"));
    }

    fn med_list(&mut self) {
        let heading = [
            "Discharge Medications:",
            "Current Medications:",
            "MEDICATIONS:",
            "Home Medications:",
        ];
        let heading = *heading.choose(self.rng).unwrap_or(&"Medications:");
        self.out.push(heading);
        let n = self.rng.random_range(3..8);
        let numbered = self.rng.random_bool(0.5);
        let drugs: Vec<&str> = DRUGS.choose_multiple(self.rng, n).copied().collect();
        for (i, drug) in drugs.into_iter().enumerate() {
            let bullet = if numbered {
                format!("{}. ", i + 1)
            } else {
                "- ".to_string()
            };
            self.out.push(&format!("\n{bullet}{drug}"));
        }
    }

    fn vitals(&mut self) {
        let r = &mut *self.rng;
        let t = r.random_range(36.1..39.4);
        let (hr, sys, dia) = (
            r.random_range(52..131),
            r.random_range(88..186),
            r.random_range(48..104),
        );
        let (rr, sat) = (r.random_range(12..29), r.random_range(86..101));
        let line = match r.random_range(0..3) {
            0 => {
                format!("Vitals: T {t:.1} C | HR {hr} | BP {sys}/{dia} | RR {rr} | SpO2 {sat}% RA")
            }
            1 => format!(
                "VS: T {:.1}F, P {hr}, BP {sys}/{dia}, RR {rr}, O2 sat {sat}% on 2L NC",
                t * 1.8 + 32.0
            ),
            _ => format!("Temp {t:.1}  HR {hr}  BP {sys}/{dia}  RR {rr}  SpO2 {sat}%  Pain 4/10"),
        };
        self.out.push(&line);
    }
}
