"""Writes what pydicom (a DICOM library nobody here wrote) reads from each of its own sample
files, for the Core tests to compare Consilium's DICOM reader against.
usage: dicom_manifest.py OUTPUT.json"""
import json
import pathlib
import sys

import pydicom
from pydicom.data import get_testdata_file

folder = pathlib.Path(get_testdata_file("CT_small.dcm")).parent
manifest = {}
for path in sorted(folder.glob("*.dcm")):
    try:
        ds = pydicom.dcmread(path, force=True, stop_before_pixels=True)
        meta = getattr(ds, "file_meta", None)

        def text(keyword):
            value = ds.get(keyword)
            return None if value in (None, "") else str(value).strip() or None

        charset = ds.get("SpecificCharacterSet")
        entry = {
            "transferSyntax": str(meta.TransferSyntaxUID) if meta is not None and "TransferSyntaxUID" in meta else None,
            "studyDate": text("StudyDate"),
            "modality": text("Modality"),
            "studyDescription": text("StudyDescription"),
            "patientName": text("PatientName"),
            "patientBirthDate": text("PatientBirthDate"),
            "plainCharset": charset in (None, "", "ISO_IR 6", "ISO_IR 100", "ISO_IR 192"),
            "preamble": path.read_bytes()[128:132] == b"DICM",
            "deflated": meta is not None and str(meta.get("TransferSyntaxUID", "")) == "1.2.840.10008.1.2.1.99",
        }
        # Files pydicom itself reads nothing from are left out (no_meta.dcm starts with a stray byte).
        if any(entry[k] for k in ("studyDate", "modality", "studyDescription", "patientName", "patientBirthDate")) or entry["transferSyntax"]:
            manifest[str(path)] = entry
        else:
            print(f"skipped {path.name}: pydicom reads no attribute from it", file=sys.stderr)
    except Exception as error:  # pydicom itself cannot read it: leave it out
        print(f"skipped {path.name}: {error}", file=sys.stderr)
json.dump(manifest, open(sys.argv[1], "w"), indent=1)

# ZIP archives of the same files, as a patient's imaging CD copied into an archive would be.
import zipfile

out = pathlib.Path(sys.argv[1]).parent
samples = [folder / "CT_small.dcm", folder / "MR_small.dcm"]
with zipfile.ZipFile(out / "study-deflated.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    for sample in samples:
        archive.write(sample, f"STUDY/{sample.name}")
with zipfile.ZipFile(out / "study-stored.zip", "w", zipfile.ZIP_STORED) as archive:
    archive.write(samples[0], "IMG0001")
with zipfile.ZipFile(out / "study-mac.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    archive.write(samples[0], "scan/IMG0001.dcm")
    archive.writestr("__MACOSX/scan/._IMG0001.dcm", b"\x00\x05\x16\x07 resource fork")
    archive.writestr("scan/.DS_Store", b"Bud1 finder data")
with zipfile.ZipFile(out / "mixed.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    archive.write(samples[0], "IMG0001.dcm")
    archive.writestr("notes.txt", "not imaging")
print(f"{len(manifest)} DICOM files described")
