# bash completion for sfgrant                                     -*- shell-script -*-
# Subcommands and options are read from `sfgrant --help` and `sfgrant SUBCOMMAND --help` (once per
# shell), so they follow the installed version; program ids and years come from the program data
# folder ($SFGRANT_PROGRAMS, else <prefix>/share/sfgrant/programs next to the binary, else ./programs).

_sfgrant_programs_dir() {
  local word dir i
  for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
    [[ ${COMP_WORDS[i]} == --programs ]] && { echo "${COMP_WORDS[i + 1]}"; return; }
  done
  if [[ -n ${SFGRANT_PROGRAMS:-} ]]; then echo "$SFGRANT_PROGRAMS"; return; fi
  word=$(command -v "${COMP_WORDS[0]}" 2>/dev/null)
  if [[ -n $word ]]; then
    dir=$(dirname -- "$(readlink -f -- "$word")")/../share/sfgrant/programs
    [[ -d $dir ]] && { echo "$dir"; return; }
  fi
  echo programs
}

_sfgrant_years() {
  local dir=$1 d
  for d in "$dir"/[0-9][0-9][0-9][0-9]; do [[ -d $d ]] && echo "${d##*/}"; done
}

# Program ids of a year (default: the newest): the program files, without common.yaml and centers.yaml.
_sfgrant_program_ids() {
  local dir year f i
  dir=$(_sfgrant_programs_dir)
  for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
    [[ ${COMP_WORDS[i]} == --year ]] && year=${COMP_WORDS[i + 1]}
  done
  [[ -z $year ]] && year=$(_sfgrant_years "$dir" | tail -1)
  for f in "$dir/$year"/*.yaml; do
    [[ -f $f ]] || continue
    f=${f##*/}
    f=${f%.yaml}
    [[ $f == common || $f == centers || $f == industries ]] || echo "$f"
  done
}

_sfgrant_profile_paths="name business_number size ksic region city role status.business status.tax_arrears
status.sanctioned smart_factory.level smart_factory.target_level smart_factory.built_by
smart_factory.level_certified smart_factory.exceeded_target smart_factory.same_level_used
smart_factory.project_in_progress smart_factory.warranty_expired smart_factory.self_as_capable
smart_factory.collects_data selections consortium.members consortium.suppliers consortium.demo_companies
consortium.cloud_provider plan.total_cost plan.yearly_costs"

_sfgrant_subcommands() {
  if [[ -z ${_sfgrant_subcommand_cache:-} ]]; then
    _sfgrant_subcommand_cache=$("$1" --help 2>/dev/null |
      awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}')
    [[ -z $_sfgrant_subcommand_cache ]] &&
      _sfgrant_subcommand_cache="check report batch split programs validate test schema score interview"
  fi
  echo "$_sfgrant_subcommand_cache"
}

# The options of a subcommand and the values listed in braces after them, from its --help:
# "--format TEXT:{table,json}" gives "--format" and "_sfgrant_values_format=table json".
_sfgrant_options() {
  "$1" "$2" --help 2>/dev/null | grep -oE '^ +(-[A-Za-z],)?--[a-z][a-z-]*' | tr ',' '\n' | tr -d ' '
}

_sfgrant_option_values() {
  "$1" "$2" --help 2>/dev/null | grep -E "^ +(-[A-Za-z],)?$3[ :]" | grep -oE '\{[^}]*\}' | head -1 | tr -d '{}' | tr ',' ' '
}

# Files whose extension matches the regular expression $1, and folders.
_sfgrant_files() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  COMPREPLY=($(compgen -f -- "$cur" | grep -E "\.($1)\$") $(compgen -d -- "$cur"))
}

_sfgrant() {
  local cur prev sub i values
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  for ((i = 1; i < COMP_CWORD; i++)); do
    [[ ${COMP_WORDS[i]} != -* ]] && { sub=${COMP_WORDS[i]}; break; }
  done
  if [[ -z $sub ]]; then
    COMPREPLY=($(compgen -W "$(_sfgrant_subcommands "${COMP_WORDS[0]}") --help --version" -- "$cur"))
    return
  fi
  case $prev in
    --programs|--write|--against) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --year) COMPREPLY=($(compgen -W "$(_sfgrant_years "$(_sfgrant_programs_dir)")" -- "$cur")); return ;;
    --as-of) COMPREPLY=($(compgen -W "$(date +%F)" -- "$cur")); return ;;
    --sheet|-o|--output|--template) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --set)
      compopt -o nospace 2>/dev/null
      COMPREPLY=($(compgen -W "$(for p in $_sfgrant_profile_paths; do echo "$p="; done)" -- "$cur"))
      return ;;
    --cost|--level|--target-level|--years|--stage|--filter|-j|--jobs) return ;;
  esac
  if [[ $prev == --* ]]; then
    values=$(_sfgrant_option_values "${COMP_WORDS[0]}" "$sub" "$prev")
    if [[ -n $values ]]; then
      COMPREPLY=($(compgen -W "$values" -- "$cur"))
      return
    fi
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_sfgrant_options "${COMP_WORDS[0]}" "$sub")" -- "$cur"))
    return
  fi
  case $sub in
    check|report) _sfgrant_files 'ya?ml' ;;
    batch) _sfgrant_files 'csv|jsonl' ;;
    split|score) COMPREPLY=($(compgen -W "$(_sfgrant_program_ids)" -- "$cur")) ;;
    programs)
      if [[ $prev == show ]]; then COMPREPLY=($(compgen -W "$(_sfgrant_program_ids)" -- "$cur"))
      elif [[ " ${COMP_WORDS[*]} " == *" diff "* ]]; then
        COMPREPLY=($(compgen -W "$(_sfgrant_years "$(_sfgrant_programs_dir)")" -- "$cur"))
      else COMPREPLY=($(compgen -W "list show diff" -- "$cur")); fi ;;
    schema) COMPREPLY=($(compgen -W "$(_sfgrant_option_values "${COMP_WORDS[0]}" schema KIND)" -- "$cur")) ;;
    validate|test) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}
complete -F _sfgrant sfgrant
