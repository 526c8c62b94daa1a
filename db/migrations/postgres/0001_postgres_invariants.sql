-- hand-written: what only PostgreSQL needs beside the schema both engines share (db/schema.ts).
-- SQLite runs one writer at a time, so a service's check and its write can never be split by another
-- writer there. PostgreSQL runs many transactions at once (and several Frontdesk servers may share
-- this database), so here the database itself refuses what must never happen, whatever the code
-- above it does: overlapping bookings (exclusion constraints), a block over a stay (a trigger under a
-- per-room lock), a changed audit row (triggers). Rules that depend on the clock (a pending booking's
-- hold runs out) cannot live in a constraint; those units take the per-record advisory lock
-- (`pg_advisory_xact_lock(kind, id)`, db/queries/record-locks.ts) before they check.
-- Lock kinds: 1 guest room, 2 car, 3 provider, 4 timeslot, 5 stock resource.
-- The guards below skip their per-record lock while `frontdesk.copying` is 'on': only db:copy sets it
-- (SET LOCAL, db/copy/postgres-target.ts), in a transaction holding every table in EXCLUSIVE mode, so
-- no other writer exists to wait for, and one lock per timeslot of a hotel's whole history would not
-- fit the server's lock table (max_locks_per_transaction). The checks themselves still run.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint

-- The audit log and stock movements are append-only, whoever asks (SQLite: migrations 0002, 0005).
CREATE FUNCTION frontdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION frontdesk_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_append_only();
--> statement-breakpoint
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements FOR EACH ROW EXECUTE FUNCTION frontdesk_append_only();
--> statement-breakpoint
CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_append_only();
--> statement-breakpoint

-- A car's odometer never goes back (SQLite: migration 0004).
CREATE FUNCTION frontdesk_mileage_never_down() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cars.mileage never goes down' USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER cars_mileage_never_down BEFORE UPDATE OF mileage ON cars FOR EACH ROW
  WHEN (NEW.mileage < OLD.mileage) EXECUTE FUNCTION frontdesk_mileage_never_down();
--> statement-breakpoint

-- A block is held back or out of order (SQLite: triggers of migration 0008).
ALTER TABLE room_blocks ADD CONSTRAINT room_blocks_kind_ck CHECK (kind IN ('blocked', 'out_of_order'));
--> statement-breakpoint

-- The worklists' departures and in-house (SQLite: migration 0007).
CREATE INDEX stays_in_house_idx ON stays (status, checkout_ms) WHERE status = 'checked_in';
--> statement-breakpoint

-- The desk's search (SQLite: the trigram FTS5 table of migration 0007). A stay's guest name, e-mail and
-- phone digits folded as SQLite's trigram tokenizer with remove_diacritics folds them (case and accents;
-- the table was read from SQLite itself: 'Å' and 'å' are 'a', 'Ø' is 'ø'), one line each, under a
-- trigram GIN index: every word of the query must be a part of one line (db/queries/desk-queries.ts).
CREATE FUNCTION frontdesk_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZµÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦĨĩĪīĬĭĮįİĲĴĵĶķĹĺĻļĽľĿŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠơƢƤƦƧƩƬƮƯưƱƲƳƵƷƸƼǄǅǇǈǊǋǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǢǤǦǧǨǩǪǫǬǭǮǰǱǲǴǵǶǷǸǹǺǻǼǾȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȜȞȟȠȢȤȦȧȨȩȪȫȬȭȮȯȰȱȲȳȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫςϏϐϑϕϖϘϚϜϞϠϢϤϦϨϪϬϮϰϱϴϵϷϹϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẞẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹỺỼỾ', 'abcdefghijklmnopqrstuvwxyzμaaaaaaæceeeeiiiiðnoooooøuuuuyþaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddđeeeeeeeeeegggggggghhħiiiiiiiiiĳjjkkllllllŀłnnnnnnŋooooooœrrrrrrssssssssttttŧuuuuuuuuuuuuwwyyyzzzzzzsɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵooƣƥʀƨʃƭʈuuʊʋƴƶʒƹƽǆǆǉǉǌǌaaiioouuuuuuuuuuaaǡǣǥggkkooooǯjǳǳggƕƿnnaaǽǿaaaaeeeeiiiioooorrrruuuussttȝhhƞȣȥaaeeooooooooyyⱥȼƚⱦɂƀʉʌɇɉɋɍɏͱͳͷάέήίόύώαβγδεζηθικλμνξοπρστυφχψωϊϋσϗβθφπϙϛϝϟϡϣϥϧϩϫϭϯκρθεϸϲϻͻͼͽѐёђѓєѕіїјљњћќѝўџабвгдежзийклмнопрстуфхцчшщъыьэюяѡѣѥѧѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗәӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿԁԃԅԇԉԋԍԏԑԓԕԗԙԛԝԟԡԣԥԧaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwysßaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyỻỽỿ');
--> statement-breakpoint
CREATE FUNCTION frontdesk_search_doc(name text, email text, phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN frontdesk_search_fold(coalesce(name, '') || E'\n' || coalesce(email, '') || E'\n' || translate(coalesce(phone, ''), ' -+().', ''));
--> statement-breakpoint
CREATE INDEX stays_search_trgm_idx ON stays USING gin (frontdesk_search_doc(guest_name, guest_email, guest_phone) gin_trgm_ops);
--> statement-breakpoint

-- No two stays that hold a room overlap; nor two blocks of a room (half-open [start, end)).
ALTER TABLE stays ADD CONSTRAINT stays_no_overlap
  EXCLUDE USING gist (room_id WITH =, int8range(checkin_ms, checkout_ms) WITH &&)
  WHERE (status IN ('booked', 'checked_in', 'checked_out'));
--> statement-breakpoint
ALTER TABLE room_blocks ADD CONSTRAINT room_blocks_no_overlap
  EXCLUDE USING gist (room_id WITH =, int8range(starts_ms, ends_ms) WITH &&);
--> statement-breakpoint

-- Nor a stay and a block: two tables, so no single exclusion constraint; under the room's lock
-- (every writer of either table takes it here), the second writer waits for the first to commit and
-- its check then sees the first one's row.
CREATE FUNCTION frontdesk_room_occupancy_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('frontdesk.copying', true) IS DISTINCT FROM 'on' THEN
    PERFORM pg_advisory_xact_lock(1, NEW.room_id::int);
  END IF;
  IF TG_TABLE_NAME = 'stays' THEN
    IF NEW.status IN ('booked', 'checked_in', 'checked_out') AND EXISTS (
      SELECT 1 FROM room_blocks b WHERE b.room_id = NEW.room_id AND b.starts_ms < NEW.checkout_ms AND b.ends_ms > NEW.checkin_ms
    ) THEN
      RAISE EXCEPTION 'stay % overlaps a block of room %', NEW.id, NEW.room_id
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'room_occupancy_no_overlap';
    END IF;
  ELSIF EXISTS (
    SELECT 1 FROM stays s WHERE s.room_id = NEW.room_id AND s.status IN ('booked', 'checked_in', 'checked_out')
      AND s.checkin_ms < NEW.ends_ms AND s.checkout_ms > NEW.starts_ms
  ) THEN
    RAISE EXCEPTION 'block % overlaps a stay of room %', NEW.id, NEW.room_id
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'room_occupancy_no_overlap';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER stays_room_occupancy BEFORE INSERT OR UPDATE OF room_id, checkin_ms, checkout_ms, status ON stays
  FOR EACH ROW EXECUTE FUNCTION frontdesk_room_occupancy_guard();
--> statement-breakpoint
CREATE TRIGGER room_blocks_room_occupancy BEFORE INSERT OR UPDATE OF room_id, starts_ms, ends_ms ON room_blocks
  FOR EACH ROW EXECUTE FUNCTION frontdesk_room_occupancy_guard();
--> statement-breakpoint

-- No two rentals that hold a car overlap (dates 'YYYY-MM-DD', half-open [from, to)).
CREATE TYPE frontdesk_date_text_range AS RANGE (subtype = text, collation = "C");
--> statement-breakpoint
ALTER TABLE car_rentals ADD CONSTRAINT car_rentals_no_overlap
  EXCLUDE USING gist (car_id WITH =, frontdesk_date_text_range(from_date, to_date, '[)') WITH &&)
  WHERE (status IN ('reserved', 'out'));
--> statement-breakpoint

-- No two timeslots of a service room overlap (SQLite: the trigger of migration 0006).
ALTER TABLE timeslots ADD CONSTRAINT timeslots_no_overlap
  EXCLUDE USING gist (room_id WITH =, int8range(start_ms, end_ms) WITH &&);
--> statement-breakpoint

-- No two appointments of a provider overlap, buffer included, among those that hold the time
-- whatever the clock says (a pending booking with a hold lets go of it when the hold runs out: that
-- one is kept out of overlaps by the provider's lock in the booking's unit instead).
ALTER TABLE appointments ADD CONSTRAINT appointments_provider_no_overlap
  EXCLUDE USING gist (provider_id WITH =, int8range(start_ms, occupied_until_ms) WITH &&)
  WHERE (kind = 'provider' AND (status IN ('confirmed', 'completed', 'no_show') OR (status = 'pending' AND hold_until_ms IS NULL)));
--> statement-breakpoint

-- A timeslot never holds more seats than its capacity, counting the bookings that hold a seat
-- whatever the clock says (held ones: the timeslot's lock in the booking's unit).
CREATE FUNCTION frontdesk_timeslot_seats_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seats bigint;
  taken bigint;
BEGIN
  IF current_setting('frontdesk.copying', true) IS DISTINCT FROM 'on' THEN
    PERFORM pg_advisory_xact_lock(4, NEW.timeslot_id::int);
  END IF;
  SELECT capacity INTO seats FROM timeslots WHERE id = NEW.timeslot_id;
  SELECT count(*) INTO taken FROM appointments a
    WHERE a.timeslot_id = NEW.timeslot_id AND a.id <> NEW.id
      AND (a.status IN ('confirmed', 'completed', 'no_show') OR (a.status = 'pending' AND a.hold_until_ms IS NULL));
  IF taken >= seats THEN
    RAISE EXCEPTION 'timeslot % is full', NEW.timeslot_id USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'timeslot_capacity';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointments_timeslot_seats BEFORE INSERT OR UPDATE OF timeslot_id, status, hold_until_ms ON appointments
  FOR EACH ROW WHEN (NEW.kind = 'timeslot' AND (NEW.status IN ('confirmed', 'completed', 'no_show') OR (NEW.status = 'pending' AND NEW.hold_until_ms IS NULL)))
  EXECUTE FUNCTION frontdesk_timeslot_seats_guard();
