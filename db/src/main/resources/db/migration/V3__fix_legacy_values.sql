-- Values the old scripts wrote wrongly (reference-spec §11, §13.6). No row is removed except unused junk.

-- "None" is not a value (§11.6): a panel-less row has the empty panel, as the other 1,602 rows do
UPDATE accepted_data SET panel_name = '' WHERE panel_name IS NULL OR panel_name = 'None';
-- a filter called "None" or "" means the filter is unknown
UPDATE accepted_data SET filter_id = NULL
    WHERE filter_id IN (SELECT id FROM filter WHERE name = 'None' OR trim(name) = '');
DELETE FROM filter WHERE name = 'None' OR trim(name) = '';
UPDATE filter SET astrobin_id = NULL WHERE astrobin_id = '' OR astrobin_id = 'None';
-- the unused optic None@fNone and camera None
DELETE FROM optic WHERE (name = 'None' OR focal_ratio = 'None')
    AND id NOT IN (SELECT optic_id FROM accepted_data) AND id NOT IN (SELECT optic_id FROM profile);
DELETE FROM camera WHERE name = 'None'
    AND id NOT IN (SELECT camera_id FROM accepted_data) AND id NOT IN (SELECT camera_id FROM profile);
-- a failed Clear Outside fetch stored empty strings (§2.2)
UPDATE location SET name = NULL WHERE name = '' OR name = 'None';
UPDATE location SET magnitude = NULL WHERE magnitude = '' OR magnitude = 'None';
UPDATE location SET bortle = NULL WHERE bortle = '' OR bortle = 'None';
UPDATE location SET brightness_mcd_m2 = NULL WHERE brightness_mcd_m2 = '' OR brightness_mcd_m2 = 'None';
UPDATE location SET artifical_brightness_ucd_m2 = NULL
    WHERE artifical_brightness_ucd_m2 = '' OR artifical_brightness_ucd_m2 = 'None';
UPDATE target SET profile_id = NULL WHERE profile_id = '' OR profile_id = 'None';
-- compact dates from DATE_20210514 folders (§13.6)
UPDATE accepted_data SET date = substr(date, 1, 4) || '-' || substr(date, 5, 2) || '-' || substr(date, 7, 2)
    WHERE length(date) = 8 AND date NOT GLOB '*[^0-9]*';
-- a location that no longer exists is unknown, not a dangling id
UPDATE accepted_data SET location_id = NULL
    WHERE location_id IS NOT NULL AND location_id NOT IN (SELECT id FROM location);

-- what apdm records besides (nullable, so the old scripts' inserts keep working)
ALTER TABLE accepted_data ADD COLUMN gain real;
ALTER TABLE accepted_data ADD COLUMN sensor_cooling integer;
ALTER TABLE accepted_data ADD COLUMN darks integer;
ALTER TABLE accepted_data ADD COLUMN flats integer;
ALTER TABLE accepted_data ADD COLUMN bias integer;

-- report files apdm wrote, so it replaces only its own (a file made by hand is kept aside first)
CREATE TABLE report_file (
    path text PRIMARY KEY,
    sha256 text NOT NULL,
    written DATETIME DEFAULT CURRENT_TIMESTAMP
);
