const compiled = new Map();
/** Whether a value matches one of the profile's patterns (compiled once). */
export function matches(pattern, value) {
    let re = compiled.get(pattern);
    if (!re)
        compiled.set(pattern, (re = new RegExp(pattern)));
    return re.test(value);
}
export function mailSubjectOf(profile, unitName, groupName) {
    return profile.mailSubject.replaceAll('{unit}', unitName).replaceAll('{group}', groupName);
}
