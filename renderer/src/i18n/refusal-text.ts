/**
 * The refusals the host already had before the domains named their own: each `AppError` of the
 * stays, rooms, blocks, users, auth, settings and outbox domains (and the shared input and time
 * checks) carries a `reason`, translated here as `reason.<reason>` with `{param}` placeholders
 * (error-text.ts). A domain that adds refusals puts its `reason.<domain>.<name>` keys in its own
 * `<domain>-text.ts`. Param values named `status` and `action` are translated too (error-text.ts).
 */
import { domainText } from './domain-text';

export const refusalText = domainText(
  {
    // input: what the request itself got wrong (REST schema, IPC schema, JSON body)
    'reason.input.invalid': 'The request is not valid',
    'reason.input.invalidFields': 'Check these fields: {fields}',
    'reason.input.nothingToChange': 'Nothing to change: change at least one field',
    'reason.input.forbiddenKey': 'The request contains a forbidden field ({key})',
    'reason.input.notUtf8': 'The request is not valid text (UTF-8)',
    'reason.input.badJson': 'The request is not valid JSON',
    'reason.input.nulCharacter': 'The request contains a NUL character, which cannot be stored',
    'reason.input.tooManyRequests': { by: 'seconds', one: 'Too many requests. Try again in {seconds} second.', other: 'Too many requests. Try again in {seconds} seconds.' },

    // database (PostgreSQL: a lost connection, a race lost every time it was retried)
    'reason.database.unavailable': 'The database cannot be reached right now. Try again in a moment.',
    'reason.database.conflict': 'Someone else saved a change to the same record at the same moment. Try again.',

    // time
    'reason.time.notRealDate': '{text} is not a real date',
    'reason.time.notDate': '{text} is not a date (YYYY-MM-DD)',
    'reason.time.notDateTime': '{text} is not a date or a date and time',
    'reason.time.skippedByDst': '{time} does not exist in {zone} (the clocks change then)',
    'reason.time.badOffset': '{text} has an impossible time offset',
    'reason.time.noStartOfDay': '{date} has no start in {zone}',

    // stays
    'reason.stays.notFound': 'Stay #{id} does not exist',
    'reason.stays.roomUnavailable': 'Room {room} is not available from {from} to {to}',
    'reason.stays.roomTakenByStay': 'Room {room} is not available from {from} to {to}: stay #{stayId} for {guest} ({stayFrom} – {stayTo}) is in the way',
    'reason.stays.roomBlocked': 'Room {room} is not available from {from} to {to}: it is blocked {blockFrom} – {blockTo}',
    'reason.stays.roomBlockedFor': 'Room {room} is not available from {from} to {to}: it is blocked {blockFrom} – {blockTo} ({blockReason})',
    'reason.stays.alreadyInRoom': 'Stay #{id} is already in room {room}',
    'reason.stays.arrivalFixedInHouse': 'Stay #{id} is checked in: its arrival stays {date}; only the departure can change',
    'reason.stays.illegalTransition': 'A stay that is {status} does not allow {action}',
    'reason.stays.endBeforeStart': 'Check-out must be after check-in',
    'reason.stays.atLeastOneNight': 'A stay must be at least one night',
    'reason.stays.tooLong': { one: 'A stay can be at most {n} night', other: 'A stay can be at most {n} nights' },
    'reason.stays.rangeOrder': 'The end date ({to}) must be after the start date ({from})',
    'reason.action.check_in': 'check-in',
    'reason.action.check_out': 'check-out',
    'reason.action.cancel': 'cancel',
    'reason.action.no_show': 'no-show',
    'reason.action.move': 'move',
    'reason.action.change_dates': 'change dates',

    // rooms and blocks
    'reason.rooms.idNotFound': 'The room does not exist (id {roomId})',
    'reason.rooms.numberNotFound': 'Room {room} does not exist',
    'reason.rooms.inactive': 'Room {room} is not in use',
    'reason.rooms.overCapacity': { by: 'capacity', one: 'Room {room} sleeps at most {capacity} guest', other: 'Room {room} sleeps at most {capacity} guests' },
    'reason.rooms.categoryMismatch': 'Room {room} is a "{category}", not a "{asked}"',
    'reason.rooms.numberTaken': 'Room {room} already exists',
    'reason.blocks.notFound': 'Block #{id} does not exist',
    'reason.guests.emailOrPhone': 'Give an e-mail address or a phone number',

    // users and sign-in
    'reason.users.notFound': 'User #{id} does not exist',
    'reason.users.taken': 'The username or e-mail address is already taken',
    'reason.users.passwordsDiffer': 'The two passwords differ',
    'reason.users.lastAdmin': 'The hotel must keep at least one active admin',
    'reason.auth.signInFirst': 'Sign in first',
    'reason.auth.passwordChangeRequired': 'Change your password first; until then nothing else is possible',
    'reason.auth.roleForbidden': 'Your role may not do this',
    'reason.auth.fieldsForbidden': 'Your role may not set {fields}',
    'reason.auth.badCredentials': 'Wrong username or password',
    'reason.auth.clientAtDesk': 'Guest accounts sign in over the network, not at the desk',
    'reason.auth.signInThrottled': { by: 'seconds', one: 'Too many failed sign-ins. Try again in {seconds} second.', other: 'Too many failed sign-ins. Try again in {seconds} seconds.' },
    'reason.auth.passwordThrottled': { by: 'seconds', one: 'Too many wrong passwords. Try again in {seconds} second.', other: 'Too many wrong passwords. Try again in {seconds} seconds.' },
    'reason.auth.invalidSession': 'Sign in again: the session is invalid or has expired',
    'reason.auth.badAuthHeader': 'The sign-in token is malformed; sign in again',
    'reason.auth.samePassword': 'The new password must differ from the current one',
    'reason.auth.wrongCurrentPassword': 'The current password is wrong',
    'reason.auth.passwordTooShort': 'The password must be at least {min} characters long',
    'reason.auth.passwordTooLong': 'The password must be at most {max} characters long',
    'reason.auth.passwordIsUsername': 'The password must not be the username',
    'reason.auth.passwordCommon': 'This password is one of the most common passwords; choose another',

    // settings and outbox
    'reason.settings.invalid': 'The setting {field} is not valid',
    'reason.settings.lanBlocked': 'Change the default admin password before switching the network API on',
    'reason.outbox.notFound': 'Message #{id} does not exist',
    'reason.outbox.superseded': 'Message #{id} is replaced by message #{newer}, which carries the newer state',
    'reason.outbox.notDead': 'Message #{id} has not failed, so it cannot be retried',
  },
  {
    'reason.input.invalid': 'Forespørgslen er ikke gyldig',
    'reason.input.invalidFields': 'Tjek disse felter: {fields}',
    'reason.input.nothingToChange': 'Intet at ændre: ændr mindst ét felt',
    'reason.input.forbiddenKey': 'Forespørgslen indeholder et forbudt felt ({key})',
    'reason.input.notUtf8': 'Forespørgslen er ikke gyldig tekst (UTF-8)',
    'reason.input.badJson': 'Forespørgslen er ikke gyldig JSON',
    'reason.input.nulCharacter': 'Forespørgslen indeholder et NUL-tegn, som ikke kan gemmes',
    'reason.input.tooManyRequests': { by: 'seconds', one: 'For mange forespørgsler. Prøv igen om {seconds} sekund.', other: 'For mange forespørgsler. Prøv igen om {seconds} sekunder.' },

    // database
    'reason.database.unavailable': 'Databasen kan ikke nås lige nu. Prøv igen om et øjeblik.',
    'reason.database.conflict': 'En anden gemte en ændring af samme post i samme øjeblik. Prøv igen.',

    'reason.time.notRealDate': '{text} er ikke en rigtig dato',
    'reason.time.notDate': '{text} er ikke en dato (ÅÅÅÅ-MM-DD)',
    'reason.time.notDateTime': '{text} er ikke en dato eller et tidspunkt',
    'reason.time.skippedByDst': '{time} findes ikke i {zone} (uret stilles da)',
    'reason.time.badOffset': '{text} har en umulig tidsforskydning',
    'reason.time.noStartOfDay': '{date} har ingen start i {zone}',

    'reason.stays.notFound': 'Ophold #{id} findes ikke',
    'reason.stays.roomUnavailable': 'Værelse {room} er ikke ledigt fra {from} til {to}',
    'reason.stays.roomTakenByStay': 'Værelse {room} er ikke ledigt fra {from} til {to}: ophold #{stayId} for {guest} ({stayFrom} – {stayTo}) er i vejen',
    'reason.stays.roomBlocked': 'Værelse {room} er ikke ledigt fra {from} til {to}: det er spærret {blockFrom} – {blockTo}',
    'reason.stays.roomBlockedFor': 'Værelse {room} er ikke ledigt fra {from} til {to}: det er spærret {blockFrom} – {blockTo} ({blockReason})',
    'reason.stays.alreadyInRoom': 'Ophold #{id} er allerede på værelse {room}',
    'reason.stays.arrivalFixedInHouse': 'Ophold #{id} er tjekket ind: ankomsten forbliver {date}; kun afrejsen kan ændres',
    'reason.stays.illegalTransition': 'Et ophold, der er {status}, tillader ikke {action}',
    'reason.stays.endBeforeStart': 'Afrejse skal være efter ankomst',
    'reason.stays.atLeastOneNight': 'Et ophold skal være mindst én nat',
    'reason.stays.tooLong': { one: 'Et ophold kan højst være {n} nat', other: 'Et ophold kan højst være {n} nætter' },
    'reason.stays.rangeOrder': 'Slutdatoen ({to}) skal være efter startdatoen ({from})',
    'reason.action.check_in': 'indtjekning',
    'reason.action.check_out': 'udtjekning',
    'reason.action.cancel': 'annullering',
    'reason.action.no_show': 'udeblivelse',
    'reason.action.move': 'flytning',
    'reason.action.change_dates': 'ændring af datoer',

    'reason.rooms.idNotFound': 'Værelset findes ikke (id {roomId})',
    'reason.rooms.numberNotFound': 'Værelse {room} findes ikke',
    'reason.rooms.inactive': 'Værelse {room} er ikke i brug',
    'reason.rooms.overCapacity': { by: 'capacity', one: 'Værelse {room} har plads til højst {capacity} gæst', other: 'Værelse {room} har plads til højst {capacity} gæster' },
    'reason.rooms.categoryMismatch': 'Værelse {room} er et "{category}", ikke et "{asked}"',
    'reason.rooms.numberTaken': 'Værelse {room} findes allerede',
    'reason.blocks.notFound': 'Spærring #{id} findes ikke',
    'reason.guests.emailOrPhone': 'Angiv en e-mailadresse eller et telefonnummer',

    'reason.users.notFound': 'Bruger #{id} findes ikke',
    'reason.users.taken': 'Brugernavnet eller e-mailadressen er allerede i brug',
    'reason.users.passwordsDiffer': 'De to adgangskoder er forskellige',
    'reason.users.lastAdmin': 'Hotellet skal beholde mindst én aktiv administrator',
    'reason.auth.signInFirst': 'Log ind først',
    'reason.auth.passwordChangeRequired': 'Skift din adgangskode først; indtil da er intet andet muligt',
    'reason.auth.roleForbidden': 'Din rolle må ikke gøre dette',
    'reason.auth.fieldsForbidden': 'Din rolle må ikke angive {fields}',
    'reason.auth.badCredentials': 'Forkert brugernavn eller adgangskode',
    'reason.auth.clientAtDesk': 'Gæstekonti logger ind over netværket, ikke i receptionen',
    'reason.auth.signInThrottled': { by: 'seconds', one: 'For mange mislykkede logins. Prøv igen om {seconds} sekund.', other: 'For mange mislykkede logins. Prøv igen om {seconds} sekunder.' },
    'reason.auth.passwordThrottled': { by: 'seconds', one: 'For mange forkerte adgangskoder. Prøv igen om {seconds} sekund.', other: 'For mange forkerte adgangskoder. Prøv igen om {seconds} sekunder.' },
    'reason.auth.invalidSession': 'Log ind igen: sessionen er ugyldig eller udløbet',
    'reason.auth.badAuthHeader': 'Login-nøglen er forkert udformet; log ind igen',
    'reason.auth.samePassword': 'Den nye adgangskode skal være forskellig fra den nuværende',
    'reason.auth.wrongCurrentPassword': 'Den nuværende adgangskode er forkert',
    'reason.auth.passwordTooShort': 'Adgangskoden skal være mindst {min} tegn',
    'reason.auth.passwordTooLong': 'Adgangskoden må højst være {max} tegn',
    'reason.auth.passwordIsUsername': 'Adgangskoden må ikke være brugernavnet',
    'reason.auth.passwordCommon': 'Denne adgangskode er blandt de mest almindelige; vælg en anden',

    'reason.settings.invalid': 'Indstillingen {field} er ikke gyldig',
    'reason.settings.lanBlocked': 'Skift standard-adgangskoden for administratoren, før netværks-API\'et slås til',
    'reason.outbox.notFound': 'Besked #{id} findes ikke',
    'reason.outbox.superseded': 'Besked #{id} er erstattet af besked #{newer}, som har den nyeste tilstand',
    'reason.outbox.notDead': 'Besked #{id} er ikke fejlet, så den kan ikke sendes igen',
  },
);
